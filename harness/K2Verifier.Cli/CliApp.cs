using System.CommandLine;
using K2Verifier.Cli.Commands;
using K2Verifier.Cli.Parsing;
using K2Verifier.Common;

namespace K2Verifier.Cli;

/// <summary>Builds the command tree and runs it, mapping parse errors to <see cref="ExitCode.UsageError"/>.</summary>
public static class CliApp
{
    /// <summary>The root command with every subcommand attached.</summary>
    public static RootCommand BuildRootCommand(CliConsole console)
    {
        var root = new RootCommand(
            "K2Verifier: replays tool-calling chat-completion requests against a deployment and measures how far it is from the official one.");
        foreach (var command in CommandCatalog.Create(console))
        {
            root.Subcommands.Add(command);
        }

        root.SetAction(parseResult =>
        {
            // No command: show what there is (the embedded default job arrives with the simulator).
            return new System.CommandLine.Help.HelpAction().Invoke(parseResult);
        });
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen command.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var root = BuildRootCommand(console);
        var parseResult = root.Parse(args);
        // Ctrl-C cancels the action's token; give a run time to close its journal and write the summary.
        // Exceptions propagate so a command's UsageException maps to exit code 2 below (the default handler would exit 1).
        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            EnableDefaultExceptionHandler = false,
        };
        if (parseResult.Errors.Count > 0)
        {
            UsageErrorWriter.Write(parseResult, console.Error);
            return (int)ExitCode.UsageError;
        }

        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return (int)ExitCode.UsageError;
        }
        catch (Charts.Fonts.ChartFontMissingException ex)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return (int)ExitCode.InfrastructureError;
        }
    }
}
