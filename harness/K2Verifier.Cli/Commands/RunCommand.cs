using System.CommandLine;
using System.Text.Json.Nodes;
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
using K2Verifier.Telemetry;
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
            var plan = new RunPlan(runOptions, gates, parseResult.GetValue(o.Gates.Junit), parseResult.GetValue(o.Repeat), parseResult.GetValue(o.ReportDir), parseResult.GetValue(o.MaxFailureRate))
            {
                Json = parseResult.GetValue(o.Json),
                Command = parseResult,
                Validator = o.Validator.Bind(parseResult),
                Suites = SuiteReportInputs.Embed(parseResult.GetValue(o.SuiteResults)),
            };
            if (runOptions.Shard is { } shard)
            {
                await console.Error.WriteLineAsync($"shard {shard} (from {o.ShardSource}): only the requests whose hash falls in it are sent").ConfigureAwait(false);
            }

            var backend = o.Engines.Create(parseResult, runOptions.DatasetPath, backendOptions, runOptions.Preparation.Model, console.Error, runOptions.Concurrency);
            using var metrics = o.Telemetry.IsEnabled(parseResult) ? new RunMetrics(runOptions.Preparation.Model, () => (backend as HttpChatBackend)?.ConcurrencyLimit ?? runOptions.Concurrency) : null;
            var exporter = metrics is null ? null : await o.Telemetry.StartAsync(parseResult, metrics, console.Error, cancellationToken).ConfigureAwait(false);
            try
            {
                return await ExecuteAsync(console, backend, plan with { Metrics = metrics }, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // The process ends here: the HTTP backend's pooled connections are left to the exit, which closes them in
                // the kernel at once; disposing them one by one took 0.2–0.3 s at --concurrency 1000 (docs/performance.md).
                // A local engine's native memory is released as before.
                if (backend is not HttpChatBackend)
                {
                    (backend as IDisposable)?.Dispose();
                }

                if (exporter is not null)
                {
                    await exporter.DisposeAsync().ConfigureAwait(false);
                }
            }
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(CliConsole console, IChatBackend backend, RunPlan plan, CancellationToken cancellationToken)
    {
        var evaluator = new CaseEvaluator(plan.Validator ?? JsonSchemaValidator.Default);
        var messages = plan.Json ? console.Error : console.Out;
        var runs = new List<(string SummaryPath, RunSummary Summary)>();
        var journals = new List<ReportInput>();
        RunReport? last = null;
        for (var i = 1; i <= plan.Repeat; i++)
        {
            var options = plan.Repeat == 1 ? plan.Run : plan.Run with { OutputPath = Suffixed(plan.Run.OutputPath, i), SummaryPath = Suffixed(plan.Run.SummaryPath, i) };
            options = plan.ReportDir is null ? options : options with { KeepRow = ReportModelBuilder.ProblemRows(options.Baseline) };
            JournalGuard.Prepare(options, console.Error);
            var tally = new FailureTally();
            last = await RunOnceAsync(console, backend, evaluator, options, cancellationToken, tally, plan.Metrics).ConfigureAwait(false);
            last = last with { Summary = last.Summary with { Suites = plan.Suites } };
            if (options.Shard is not null)
            {
                await console.Error.WriteLineAsync($"wrote {await ShardManifestWriter.WriteAsync(plan.Command!, options, last, CancellationToken.None).ConfigureAwait(false)}").ConfigureAwait(false);
            }

            var (exitCode, problems) = RunExitPolicy.Judge(last, tally, plan.MaxFailureRate, backend);
            foreach (var line in problems)
            {
                await console.Error.WriteLineAsync($"error: {line}").ConfigureAwait(false);
            }

            runs.Add((last.SummaryPath, last.Summary));
            journals.Add(new ReportInput(last.ResultsPath, plan.Repeat == 1 ? null : $"run {i}", last.Summary.Run) { Journal = last.Journal, Suites = plan.Suites });
            if (!plan.Json || plan.Repeat > 1)
            {
                SummaryPrinter.Print(last.Summary, messages);
            }

            await messages.WriteLineAsync($"wrote {last.ResultsPath}").ConfigureAwait(false);
            if (last.Outcome != RunOutcome.Completed || exitCode is not null)
            {
                // The summary says incomplete (and why the gates do not count); the journal keeps what finished.
                var code = await ResultsPipeline.FinishAsync(console, last.Summary, SummaryGates.Evaluate(plan.Gates, last.Summary), [], Export(plan, last.SummaryPath, printSummary: plan.Json) with { Junit = null, ReportDirectory = null }, CancellationToken.None).ConfigureAwait(false);
                return exitCode ?? Math.Max(code, (int)ExitCode.InfrastructureError);
            }

            if (plan.Repeat > 1)
            {
                await messages.WriteLineAsync($"wrote {last.SummaryPath}").ConfigureAwait(false);
            }
        }

        if (plan.Repeat == 1)
        {
            var verdicts = SummaryGates.Evaluate(plan.Gates, last!.Summary);
            if (last.Summary.EarlyStop is { } early)
            {
                verdicts = early.Verdicts(verdicts);
                await messages.WriteLineAsync(early.StoppedEarly
                    ? $"early stop: every gate decided after {early.RequestsUsed} of {early.RequestsTotal} requests ({early.Confidence:P0} confidence)"
                    : $"early stop: not every gate could be decided early; all {early.RequestsTotal} requests were sent").ConfigureAwait(false);
            }

            return await ResultsPipeline.FinishAsync(console, last.Summary, verdicts, journals, Export(plan, last.SummaryPath, printSummary: plan.Json), CancellationToken.None).ConfigureAwait(false);
        }

        var repeat = RepeatSummary.Of(runs);
        await RunSummaryWriter.WriteAsync(repeat, plan.Run.SummaryPath, CancellationToken.None).ConfigureAwait(false);
        RepeatPrinter.Print(repeat, messages);
        await messages.WriteLineAsync($"wrote {plan.Run.SummaryPath}").ConfigureAwait(false);
        var means = SummaryGates.Evaluate(plan.Gates, last!.Summary, repeat.Means());
        var export = Export(plan, summaryPath: null, printSummary: false);
        var aggregate = means.Count > 0 ? new AggregateGates($"mean of {plan.Repeat} runs", means) : null;
        if (plan.Json)
        {
            await console.Out.WriteLineAsync(ResultsPipeline.Document((JsonObject)JsonNode.Parse(RunSummaryWriter.ToJson(repeat))!, means).ToJsonString(Output.ComparisonPrinter.JsonOptions)).ConfigureAwait(false);
        }

        return await ResultsPipeline.FinishAsync(console, last.Summary, means, journals, export with { Report = export.Report with { AggregateGates = aggregate } }, CancellationToken.None).ConfigureAwait(false);
    }

    private static ResultsExport Export(RunPlan plan, string? summaryPath, bool printSummary) => new()
    {
        Title = $"k2verifier run {plan.Run.DatasetPath}",
        SummaryPath = summaryPath,
        Json = plan.Json,
        PrintSummary = printSummary,
        Junit = plan.Junit,
        ReportDirectory = plan.ReportDir,
        Report = new ReportOptions { Baseline = plan.Run.Baseline, PublishedTable = plan.Run.PublishedTable, Gates = plan.Gates },
        Validator = plan.Validator,
    };

    internal static async Task<RunReport> RunOnceAsync(
        CliConsole console, IChatBackend backend, CaseEvaluator evaluator, RunOptions options, CancellationToken cancellationToken, FailureTally? tally = null, RunMetrics? metrics = null)
    {
        tally ??= new FailureTally();
        IRunObserver Observed(IRunObserver observer) => metrics is null ? observer : new MetricsRunObserver(observer, metrics);
        void Early(FailureKind kind) => console.Error.WriteLine($"warning: the first {kind.Count} requests all failed; {RunExitPolicy.Hint(kind, backend)}");
        try
        {
            return ConsoleMode.IsInteractive(console)
                ? await LiveRunObserver.RunAsync(observer => new Runner(backend, evaluator, TimeProvider.System, Observed(tally.Observe(observer))).RunAsync(options, cancellationToken)).ConfigureAwait(false)
                : await new Runner(backend, evaluator, TimeProvider.System, Observed(tally.Observe(new PlainRunObserver(console.Error, TimeProvider.System, TimeSpan.FromSeconds(5)), Early)))
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

    private sealed record RunPlan(RunOptions Run, IReadOnlyList<GateExpression> Gates, string? Junit, int Repeat, string? ReportDir, double MaxFailureRate)
    {
        public bool Json { get; init; }

        /// <summary>The parsed command line (a shard's manifest records its answer-changing options).</summary>
        public ParseResult? Command { get; init; }

        /// <summary>Live metrics, when <c>--metrics-port</c> or <c>--otlp-endpoint</c> asked for them.</summary>
        public RunMetrics? Metrics { get; init; }

        /// <summary>The validator of <c>--validator</c>; null for the default (python).</summary>
        public IJsonSchemaValidator? Validator { get; init; }

        /// <summary>The suite results of <c>--suite-results</c>, embedded in the summary; null without it.</summary>
        public IReadOnlyDictionary<string, SuiteRecord>? Suites { get; init; }
    }
}
