using System.CommandLine;
using System.Text.RegularExpressions;

namespace K2Verifier.Cli.Parsing;

/// <summary>Prints parse errors with "did you mean" suggestions for unknown commands and options.</summary>
internal static partial class UsageErrorWriter
{
    public static void Write(ParseResult parseResult, TextWriter error)
    {
        var command = parseResult.CommandResult.Command;
        var subcommands = command.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name)).ToList();
        var options = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name))
            .Concat(parseResult.RootCommandResult.Command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)))
            .Where(o => o.StartsWith("--", StringComparison.Ordinal)) // never "-?" or "/h" for a typo
            .ToList();
        foreach (var parseError in parseResult.Errors)
        {
            error.WriteLine($"error: {Humanize(parseError.Message)}");
            var match = UnrecognizedToken().Match(parseError.Message);
            if (match.Success)
            {
                // An option-like token is matched against options; anything else (a command, or the value of a
                // misspelled option) only against subcommands, so "--concurency 4" gets no suggestion for "4".
                var token = match.Groups["token"].Value;
                var suggestions = Suggestions.Closest(token, token.StartsWith('-') ? options : subcommands);
                if (suggestions.Count > 0)
                {
                    error.WriteLine($"       Did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?");
                }
            }
        }

        var path = string.Join(' ', SelfAndParents(parseResult.CommandResult.Command).Reverse().Skip(1).Select(c => c.Name));
        error.WriteLine($"Run 'k2verifier {(path.Length == 0 ? string.Empty : path + " ")}--help' for usage.");
    }

    /// <summary>System.CommandLine's type errors in words: <c>--concurrency "abc" is not a whole number</c>.</summary>
    internal static string Humanize(string message)
    {
        var match = TypeError().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var expected = match.Groups["type"].Value switch
        {
            "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" or "System.Nullable`1[System.Int64]" => "a whole number, e.g. 8",
            "System.Double" or "System.Nullable`1[System.Double]" => "a number, e.g. 0.05",
            "System.Boolean" => "true or false",
            _ => "a valid value",
        };
        return $"{match.Groups["option"].Value} \"{match.Groups["value"].Value}\" is not {expected}";
    }

    private static IEnumerable<Command> SelfAndParents(Command command)
    {
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return c;
        }
    }

    [GeneratedRegex("Cannot parse argument '(?<value>[^']*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'")]
    private static partial Regex TypeError();

    [GeneratedRegex("Unrecognized command or argument '(?<token>[^']+)'")]
    private static partial Regex UnrecognizedToken();
}
