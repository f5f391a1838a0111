using System.CommandLine;
using System.Text.RegularExpressions;

namespace K2Verifier.Cli.Parsing;

/// <summary>Prints parse errors with "did you mean" suggestions for unknown commands and options.</summary>
internal static partial class UsageErrorWriter
{
    public static void Write(ParseResult parseResult, TextWriter error)
    {
        var command = parseResult.CommandResult.Command;
        var known = command.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name))
            .Concat(command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)))
            .Concat(parseResult.RootCommandResult.Command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)))
            .ToList();
        foreach (var parseError in parseResult.Errors)
        {
            error.WriteLine($"error: {parseError.Message}");
            var match = UnrecognizedToken().Match(parseError.Message);
            if (match.Success)
            {
                var suggestions = Suggestions.Closest(match.Groups["token"].Value, known);
                if (suggestions.Count > 0)
                {
                    error.WriteLine($"       Did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?");
                }
            }
        }

        var path = string.Join(' ', SelfAndParents(parseResult.CommandResult.Command).Reverse().Skip(1).Select(c => c.Name));
        error.WriteLine($"Run 'k2verifier {(path.Length == 0 ? string.Empty : path + " ")}--help' for usage.");
    }

    private static IEnumerable<Command> SelfAndParents(Command command)
    {
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return c;
        }
    }

    [GeneratedRegex("Unrecognized command or argument '(?<token>[^']+)'")]
    private static partial Regex UnrecognizedToken();
}
