using System.CommandLine;
using K2Verifier.Cli.Output;
using K2Verifier.Common;
using K2Verifier.Datasets.Lint;

namespace K2Verifier.Cli.Commands;

/// <summary><c>dataset check FILE [--max-issues N]</c>: lint a K2VV-format file; exit 2 on errors, 0 with only warnings.</summary>
internal static class DatasetCheckCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "A K2VV-format dataset: JSONL, one chat-completion request body per line." };
        var maxIssues = new Option<int>("--max-issues")
        {
            Description = "Print at most this many errors and this many warnings (the counts are always complete).",
            DefaultValueFactory = _ => 50,
        };
        var command = new Command("check", "Lint a K2VV-format dataset: JSON per line, roles, tools and their JSON Schemas, tool-call ids and answers; prints counts.")
        {
            file, maxIssues,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            if (!File.Exists(path))
            {
                throw new UsageException($"dataset file not found: {path}");
            }

            var limit = parseResult.GetValue(maxIssues);
            if (limit < 0)
            {
                throw new UsageException($"--max-issues {limit} must be zero or more");
            }

            var report = await DatasetLinter.LintAsync(path, cancellationToken).ConfigureAwait(false);
            LintReportPrinter.Print(report, console, limit);
            return report.ErrorCount > 0 ? (int)ExitCode.UsageError : (int)ExitCode.Ok;
        });
        return command;
    }
}
