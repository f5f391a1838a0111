using System.CommandLine;
using K2Verifier.Cli.Output;
using K2Verifier.Gates;
using K2Verifier.Metrics;
using K2Verifier.Reports.Model;
using K2Verifier.Results;
using K2Verifier.Validation.CrossCheck;

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
        var validatorOptions = new ValidatorOptions();
        var crossCheck = new Option<bool>("--cross-check") { Description = "Validate every tool call with both validators (python and spec) and list the calls whose verdict depends on the validator, with the reason class; the summary counts them (validator_sensitive_calls)." };
        var command = new Command("score", "Recompute the summary from a results journal, re-validating every tool call.") { results, summaryOut, json, reportDir };
        baselineOptions.AddTo(command);
        gateOptions.AddTo(command);
        validatorOptions.AddTo(command);
        command.Options.Add(crossCheck);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(results)!;
            var gates = gateOptions.Bind(parseResult, SummaryMetrics.IsKnown, SummaryMetrics.Names);
            var baseline = baselineOptions.Load(parseResult);
            if (!File.Exists(path))
            {
                throw new UsageException($"results file not found: {path}");
            }

            // One read of the journal: scores, the report's problem rows and the cross-check, handed to every exporter.
            var read = new JournalReadOptions
            {
                KeepRow = parseResult.GetValue(reportDir) is null ? null : ReportModelBuilder.ProblemRows(baseline),
                CrossCheck = parseResult.GetValue(crossCheck) ? new ValidatorCrossCheck(ValidatorOptions.Create(ValidatorOptions.Python), ValidatorOptions.Create(ValidatorOptions.Spec)) : null,
            };
            var journal = new ResultsScorer(new CaseEvaluator(validatorOptions.Bind(parseResult))).Read(path, problem => console.Error.WriteLine($"warning: {problem}"), read);
            var summary = journal.Summarize(new RunInfo { PublishedTable = baselineOptions.PublishedTable(parseResult) }, baseline);
            if (journal.SensitiveCalls is { } sensitive)
            {
                CrossCheckPrinter.Print(sensitive, parseResult.GetValue(json) ? console.Error : console.Out);
            }

            var export = new ResultsExport
            {
                Title = $"k2verifier score {path}",
                SummaryPath = parseResult.GetValue(summaryOut),
                Json = parseResult.GetValue(json),
                Junit = parseResult.GetValue(gateOptions.Junit),
                ReportDirectory = parseResult.GetValue(reportDir),
                Report = new ReportOptions { Baseline = baseline, PublishedTable = baselineOptions.PublishedTable(parseResult), Gates = gates },
                Validator = validatorOptions.Bind(parseResult),
            };
            var journals = new[] { new ReportInput(path) { Journal = journal } };
            return await ResultsPipeline.FinishAsync(console, summary, SummaryGates.Evaluate(gates, summary), journals, export, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
