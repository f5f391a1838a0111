using System.CommandLine;
using K2Verifier.Cli.Output;
using K2Verifier.Common;
using K2Verifier.Metrics;
using K2Verifier.Results;
using K2Verifier.Validation;

namespace K2Verifier.Cli.Commands;

/// <summary><c>score RESULTS [--summary OUT] [--json]</c>: recompute a summary from a results file, ours or K2VV's.</summary>
internal static class ScoreCommand
{
    public static Command Create(CliConsole console)
    {
        var results = new Argument<string>("results") { Description = "A results.jsonl written by k2verifier or by K2-Vendor-Verifier." };
        var summaryOut = new Option<string?>("--summary") { Description = "Also write the summary JSON to this file." };
        var json = new Option<bool>("--json") { Description = "Print the summary JSON on stdout instead of the table." };
        var command = new Command("score", "Recompute the summary from a results journal, re-validating every tool call.")
        {
            results, summaryOut, json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(results)!;
            if (!File.Exists(path))
            {
                throw new UsageException($"results file not found: {path}");
            }

            var scorer = new ResultsScorer(new CaseEvaluator(JsonSchemaValidator.Default));
            var summary = scorer.Score(path, new RunInfo(), problem => console.Error.WriteLine($"warning: {problem}"));
            if (parseResult.GetValue(summaryOut) is { } summaryPath)
            {
                await RunSummaryWriter.WriteAsync(summary, summaryPath, cancellationToken).ConfigureAwait(false);
                await console.Error.WriteLineAsync($"wrote {summaryPath}").ConfigureAwait(false);
            }

            if (parseResult.GetValue(json))
            {
                await console.Out.WriteAsync(RunSummaryWriter.ToJson(summary)).ConfigureAwait(false);
            }
            else
            {
                SummaryPrinter.Print(summary, console.Out);
            }

            return (int)ExitCode.Ok;
        });
        return command;
    }
}
