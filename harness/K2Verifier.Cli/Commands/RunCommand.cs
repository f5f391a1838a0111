using System.CommandLine;
using K2Verifier.Backends;
using K2Verifier.Cli.Output;
using K2Verifier.Common;
using K2Verifier.Dataset;
using K2Verifier.Gates;
using K2Verifier.Metrics;
using K2Verifier.Reports.JUnit;
using K2Verifier.Results;
using K2Verifier.Running;
using K2Verifier.Validation;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// <c>run SAMPLES --base-url URL --model NAME [K2VV flags]</c>: replay a dataset against an OpenAI-compatible endpoint,
/// writing results.jsonl (each row as it finishes) and summary.json.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var o = new RunCommandOptions();
        var command = new Command("run", "Replay a K2VV-format dataset against an OpenAI-compatible endpoint and score it.");
        o.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (runOptions, backendOptions, gates) = o.Bind(parseResult);
            return await ExecuteAsync(console, runOptions, backendOptions, gates, parseResult.GetValue(o.Gates.Junit), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(
        CliConsole console,
        RunOptions runOptions,
        HttpBackendOptions backendOptions,
        IReadOnlyList<GateExpression> gates,
        string? junit,
        CancellationToken cancellationToken)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var backend = new HttpChatBackend(backendOptions, TimeProvider.System);
        var evaluator = new CaseEvaluator(JsonSchemaValidator.Default);
        RunReport report;
        try
        {
            report = ConsoleMode.IsInteractive(console)
                ? await LiveRunObserver.RunAsync(observer => new Runner(backend, evaluator, TimeProvider.System, observer).RunAsync(runOptions, cancel.Token)).ConfigureAwait(false)
                : await new Runner(backend, evaluator, TimeProvider.System, new PlainRunObserver(console.Error, TimeProvider.System, TimeSpan.FromSeconds(5)))
                    .RunAsync(runOptions, cancel.Token).ConfigureAwait(false);
        }
        catch (DatasetFormatException ex)
        {
            throw new UsageException($"{ex.Message} (--strict)", ex);
        }

        SummaryPrinter.Print(report.Summary, console.Out);
        await console.Out.WriteLineAsync($"wrote {report.ResultsPath}").ConfigureAwait(false);
        await console.Out.WriteLineAsync($"wrote {report.SummaryPath}").ConfigureAwait(false);
        var verdicts = GateEvaluator.Evaluate(gates, SummaryMetrics.Flatten(report.Summary), SummaryMetrics.CountPrefixes);
        if (junit is not null)
        {
            var journal = new ResultsScorer(evaluator).Read(report.ResultsPath);
            await JUnitExporter.WriteAsync(junit, $"k2verifier run {runOptions.DatasetPath}", verdicts, journal.Outcomes, CancellationToken.None).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"wrote {junit}").ConfigureAwait(false);
        }

        var gateExit = GateReport.Finish(verdicts, console.Out);
        if (report.Outcome == RunOutcome.Completed)
        {
            return gateExit;
        }

        await console.Error.WriteLineAsync($"error: {report.Message}").ConfigureAwait(false);
        return (int)ExitCode.InfrastructureError;
    }
}
