using System.CommandLine;
using K2Verifier.Common;
using K2Verifier.Metrics;
using K2Verifier.Reports.Model;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// <c>report RESULTS... --out DIR [--label NAME]... [--baseline FILE] [--categories FILE] [--history DIR] [--gate EXPR]...</c>:
/// CSV, SVG charts, HTML and Markdown for one run or several (a vendor comparison), from the journals alone.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var results = new Argument<string[]>("results") { Description = "One or more results.jsonl files (ours or K2-Vendor-Verifier's; several make a comparison), or folders written by suite (a probe-suite section).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "The folder to write the report into (created when missing).", Required = true };
        var labels = new Option<string[]>("--label") { Description = "A name for each results file, in order (repeatable; default: the model, else the file name).", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };
        var history = new Option<string?>("--history") { Description = "A folder of earlier summary.json files: adds a trend chart (ordered by eval_started_at)." };
        var title = new Option<string>("--title") { Description = "The report's title.", DefaultValueFactory = _ => "K2Verifier report" };
        var baselineOptions = new BaselineOptions();
        var gateOptions = new GateOptions();
        var command = new Command("report", "Write CSV, SVG charts, a self-contained HTML page and a Markdown summary for one or more results files.") { results, output, labels, history, title };
        baselineOptions.AddTo(command);
        command.Options.Add(gateOptions.Gate);
        command.Options.Add(gateOptions.Junit);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (paths, suiteFolders) = SuiteReportInputs.Split(parseResult.GetValue(results) ?? []);
            var names = parseResult.GetValue(labels) ?? [];
            var gates = gateOptions.Bind(parseResult, SummaryMetrics.IsKnown, SummaryMetrics.Names);
            var problems = paths.Where(p => !File.Exists(p)).Select(p => $"results file not found: {p}").ToList();
            if (names.Length > paths.Length)
            {
                problems.Add($"{names.Length} --label values for {paths.Length} results files; give at most one label per file, in order");
            }

            if (parseResult.GetValue(history) is { } folder && !Directory.Exists(folder))
            {
                problems.Add($"--history folder not found: {folder}");
            }

            if (problems.Count > 0)
            {
                throw new UsageException(string.Join(Environment.NewLine + "error: ", problems));
            }

            var options = new ReportOptions
            {
                Baseline = baselineOptions.Load(parseResult),
                PublishedTable = baselineOptions.PublishedTable(parseResult),
                HistoryDirectory = parseResult.GetValue(history),
                Gates = gates,
                Title = parseResult.GetValue(title)!,
            };
            var inputs = paths.Select((path, i) => new ReportInput(path, i < names.Length ? names[i] : null)).ToList();
            var model = inputs.Count == 0 ? null : await ReportWriter.WriteAsync(console, console.Out, inputs, options, parseResult.GetValue(output)!, cancellationToken).ConfigureAwait(false);
            await SuiteReportInputs.AddSectionAsync(console.Out, suiteFolders, parseResult.GetValue(output)!, cancellationToken).ConfigureAwait(false);
            var exitCode = (int)ExitCode.Ok;
            foreach (var run in model?.Runs.Where(r => r.Gates.Count > 0) ?? [])
            {
                await console.Out.WriteLineAsync($"{Environment.NewLine}{run.Label}:").ConfigureAwait(false);
                exitCode = Math.Max(exitCode, GateReport.Finish(run.Gates, console.Out, console.Error));
            }

            if (parseResult.GetValue(gateOptions.Junit) is { } junit && model is not null)
            {
                // One gates suite; with several runs each testcase is named after its run.
                var gatesOfRuns = model.Runs.SelectMany(r => r.Gates.Select(g => model.Runs.Count == 1 ? g : g with { Gate = g.Gate with { Text = $"{r.Label}: {g.Gate.Text}" } })).ToList();
                await Reports.JUnit.JUnitExporter.WriteAsync(junit, $"k2verifier report {string.Join(' ', paths)}", gatesOfRuns, [], cancellationToken).ConfigureAwait(false);
                await console.Out.WriteLineAsync($"wrote {junit}").ConfigureAwait(false);
            }

            return exitCode;
        });
        return command;
    }
}
