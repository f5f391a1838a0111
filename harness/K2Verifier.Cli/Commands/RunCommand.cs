using System.CommandLine;
using K2Verifier.Backends;
using K2Verifier.Cli.Output;
using K2Verifier.Common;
using K2Verifier.Dataset;
using K2Verifier.Gates;
using K2Verifier.Metrics;
using K2Verifier.Reports.JUnit;
using K2Verifier.Reports.Model;
using K2Verifier.Results;
using K2Verifier.Running;
using K2Verifier.Validation;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// <c>run SAMPLES --base-url URL --model NAME [K2VV flags]</c> (or <c>--engine sim --profile NAME</c>, or
/// <c>--engine local --model-dir DIR</c>): replay a dataset against an OpenAI-compatible endpoint, the simulator or a
/// model run in process,
/// writing results.jsonl (each row as it finishes) and summary.json; with <c>--repeat N</c>, N journals and a summary
/// across them.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var o = new RunCommandOptions();
        var command = new Command("run", "Replay a K2VV-format dataset against an OpenAI-compatible endpoint, the simulator or a model run in process, and score it.");
        o.AddTo(command);
        o.Validator.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (runOptions, backendOptions, gates) = o.Bind(parseResult);
            var plan = new RunPlan(runOptions, gates, parseResult.GetValue(o.Gates.Junit), parseResult.GetValue(o.Repeat), parseResult.GetValue(o.ReportDir), o.Validator.Bind(parseResult));
            var backend = o.Engines.Create(parseResult, runOptions.DatasetPath, backendOptions, runOptions.Preparation.Model, console.Out);
            try
            {
                return await ExecuteAsync(console, backend, plan, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                (backend as IDisposable)?.Dispose();
            }
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(CliConsole console, IChatBackend backend, RunPlan plan, CancellationToken cancellationToken)
    {
        var evaluator = new CaseEvaluator(plan.Validator ?? JsonSchemaValidator.Default);
        var runs = new List<(string SummaryPath, RunSummary Summary)>();
        var journals = new List<ReportInput>();
        RunReport? last = null;
        for (var i = 1; i <= plan.Repeat; i++)
        {
            var options = plan.Repeat == 1 ? plan.Run : plan.Run with { OutputPath = Suffixed(plan.Run.OutputPath, i), SummaryPath = Suffixed(plan.Run.SummaryPath, i) };
            last = await RunOnceAsync(console, backend, evaluator, options, cancellationToken).ConfigureAwait(false);
            runs.Add((last.SummaryPath, last.Summary));
            journals.Add(new ReportInput(last.ResultsPath, plan.Repeat == 1 ? null : $"run {i}", last.Summary.Run));
            SummaryPrinter.Print(last.Summary, console.Out);
            await console.Out.WriteLineAsync($"wrote {last.ResultsPath}").ConfigureAwait(false);
            await console.Out.WriteLineAsync($"wrote {last.SummaryPath}").ConfigureAwait(false);
            if (last.Outcome != RunOutcome.Completed)
            {
                await console.Error.WriteLineAsync($"error: {last.Message}").ConfigureAwait(false);
                return (int)ExitCode.InfrastructureError;
            }
        }

        var metrics = SummaryMetrics.Flatten(last!.Summary);
        if (plan.Repeat > 1)
        {
            var repeat = RepeatSummary.Of(runs);
            await RunSummaryWriter.WriteAsync(repeat, plan.Run.SummaryPath, CancellationToken.None).ConfigureAwait(false);
            RepeatPrinter.Print(repeat, console.Out);
            await console.Out.WriteLineAsync($"wrote {plan.Run.SummaryPath}").ConfigureAwait(false);
            metrics = repeat.Means();
        }

        var verdicts = GateEvaluator.Evaluate(plan.Gates, metrics, SummaryMetrics.CountPrefixes);
        if (plan.Junit is not null)
        {
            await JUnitExporter.WriteAsync(plan.Junit, $"k2verifier run {plan.Run.DatasetPath}", verdicts, last.Outcomes, CancellationToken.None).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"wrote {plan.Junit}").ConfigureAwait(false);
        }

        if (plan.ReportDir is { } directory)
        {
            var options = new ReportOptions
            {
                Baseline = plan.Run.Baseline,
                PublishedTable = plan.Run.PublishedTable,
                Gates = plan.Gates,
                AggregateGates = plan.Repeat > 1 && verdicts.Count > 0 ? new AggregateGates($"mean of {plan.Repeat} runs", verdicts) : null,
            };
            await ReportWriter.WriteAsync(console, console.Out, journals, options, directory, CancellationToken.None, plan.Validator).ConfigureAwait(false);
        }

        return GateReport.Finish(verdicts, console.Out);
    }

    internal static async Task<RunReport> RunOnceAsync(CliConsole console, IChatBackend backend, CaseEvaluator evaluator, RunOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return ConsoleMode.IsInteractive(console)
                ? await LiveRunObserver.RunAsync(observer => new Runner(backend, evaluator, TimeProvider.System, observer).RunAsync(options, cancellationToken)).ConfigureAwait(false)
                : await new Runner(backend, evaluator, TimeProvider.System, new PlainRunObserver(console.Error, TimeProvider.System, TimeSpan.FromSeconds(5)))
                    .RunAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (DatasetFormatException ex)
        {
            throw new UsageException($"{ex.Message} (--strict)", ex);
        }
    }

    /// <summary><c>out/results.jsonl</c> → <c>out/results.r2.jsonl</c>.</summary>
    internal static string Suffixed(string path, int run) =>
        Path.Combine(Path.GetDirectoryName(path) ?? string.Empty, $"{Path.GetFileNameWithoutExtension(path)}.r{run}{Path.GetExtension(path)}");

    private sealed record RunPlan(RunOptions Run, IReadOnlyList<GateExpression> Gates, string? Junit, int Repeat, string? ReportDir, IJsonSchemaValidator? Validator = null);
}
