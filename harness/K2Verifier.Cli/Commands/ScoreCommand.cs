using System.CommandLine;
using K2Verifier.Cli.Output;
using K2Verifier.Gates;
using K2Verifier.Metrics;
using K2Verifier.Reports.Model;
using K2Verifier.Results;
using K2Verifier.Validation;

namespace K2Verifier.Cli.Commands;

/// <summary><c>score RESULTS [--baseline FILE] [--summary OUT] [--gate EXPR]… [--junit FILE] [--report-dir DIR] [--json]</c>.</summary>
internal static class ScoreCommand
{
    public static Command Create(CliConsole console)
    {
        var results = new Argument<string>("results") { Description = "A results.jsonl written by k2verifier or by K2-Vendor-Verifier." };
        var summaryOut = new Option<string?>("--summary") { Description = "Also write the summary JSON to this file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout (the summary with its gates and verdict) instead of the table." };
        var reportDir = new Option<string?>("--report-dir") { Description = "Also write the report (CSV, SVG charts, HTML, Markdown) into this folder." };
        var baselineOptions = new BaselineOptions();
        var gateOptions = new GateOptions();
        var command = new Command("score", "Recompute the summary from a results journal, re-validating every tool call.") { results, summaryOut, json, reportDir };
        baselineOptions.AddTo(command);
        gateOptions.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(results)!;
            var gates = gateOptions.Bind(parseResult, SummaryMetrics.IsKnown, SummaryMetrics.Names);
            var baseline = baselineOptions.Load(parseResult);
            if (!File.Exists(path))
            {
                throw new UsageException($"results file not found: {path}");
            }

            var journal = new ResultsScorer(new CaseEvaluator(JsonSchemaValidator.Default)).Read(path, problem => console.Error.WriteLine($"warning: {problem}"));
            var summary = journal.Summarize(new RunInfo { PublishedTable = baselineOptions.PublishedTable(parseResult) }, baseline);
            var export = new ResultsExport
            {
                Title = $"k2verifier score {path}",
                SummaryPath = parseResult.GetValue(summaryOut),
                Json = parseResult.GetValue(json),
                Junit = parseResult.GetValue(gateOptions.Junit),
                ReportDirectory = parseResult.GetValue(reportDir),
                Report = new ReportOptions { Baseline = baseline, PublishedTable = baselineOptions.PublishedTable(parseResult), Gates = gates },
            };
            var journals = new[] { new ReportInput(path) { Journal = journal } };
            return await ResultsPipeline.FinishAsync(console, summary, SummaryGates.Evaluate(gates, summary), journals, export, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
