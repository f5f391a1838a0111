using System.CommandLine;
using System.Diagnostics;
using K2Verifier.Baselines;
using K2Verifier.Cli.Output;
using K2Verifier.Common;
using K2Verifier.Comparison;
using K2Verifier.Gates;
using K2Verifier.LocalEngine.Simulation;
using K2Verifier.Metrics;
using K2Verifier.Reports.Model;
using K2Verifier.Results;
using K2Verifier.Running;
using K2Verifier.Validation;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// <c>demo</c>, the embedded default job of <c>./run.sh</c>: replays a dataset (k2v-4000) against the simulator's
/// <c>reference</c> and <c>vllm-0.11.0</c> profiles, writes both journals and summaries and a side-by-side
/// <c>summary.md</c> under <c>--out</c>, and prints the key figures and the comparison of the two runs.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The two profiles the default job compares, in order.</summary>
    public static readonly string[] Profiles = ["reference", "vllm-0.11.0"];

    public static Command Create(CliConsole console)
    {
        var dataset = new Option<string>("--dataset") { Description = "The dataset folder (samples.jsonl and expected.jsonl); default: datasets/k2v-4000 of the clone the tool was built in.", DefaultValueFactory = _ => ToolHome.Path("datasets", "k2v-4000") };
        var output = new Option<string>("--out") { Description = "Where to write journals, summaries and summary.md; default: reports/latest of the clone the tool was built in.", DefaultValueFactory = _ => ToolHome.Path("reports", "latest") };
        var limit = new Option<int?>("--limit") { Description = "Replay only the first N requests (default: all)." };
        var seed = new Option<long>("--seed") { Description = "Seeds the simulator.", DefaultValueFactory = _ => 0 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once.", DefaultValueFactory = _ => Math.Max(2, Environment.ProcessorCount) };
        var command = new Command("demo", "The default job: replay k2v-4000 against the simulated reference and vllm-0.11.0 deployments and compare them.")
        {
            dataset, output, limit, seed, concurrency,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var folder = parseResult.GetValue(dataset)!;
            var samples = Path.Combine(folder, "samples.jsonl");
            var expected = Path.Combine(folder, "expected.jsonl");
            if (!File.Exists(samples) || !File.Exists(expected))
            {
                throw new UsageException($"--dataset {folder} must hold samples.jsonl and expected.jsonl");
            }

            if (parseResult.GetValue(limit) is < 1)
            {
                throw new UsageException("--limit must be positive");
            }

            var plan = new DemoPlan(samples, expected, parseResult.GetValue(output)!, parseResult.GetValue(limit), parseResult.GetValue(seed), parseResult.GetValue(concurrency));
            return await ExecuteAsync(console, plan, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(CliConsole console, DemoPlan plan, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(plan.Out);
        var samples = plan.Samples;
        if (plan.Limit is { } limit)
        {
            samples = Path.Combine(plan.Out, "samples.subset.jsonl");
            await File.WriteAllLinesAsync(samples, File.ReadLines(plan.Samples).Take(limit), cancellationToken).ConfigureAwait(false);
        }

        var labels = ExpectedLabels.Read(plan.Expected);
        var baseline = BaselineReader.Read(plan.Expected);
        var evaluator = new CaseEvaluator(JsonSchemaValidator.Default);
        var runs = new List<DemoRun>();
        foreach (var profile in Profiles)
        {
            var options = new RunOptions
            {
                DatasetPath = samples,
                OutputPath = Path.Combine(plan.Out, $"{profile}.results.jsonl"),
                SummaryPath = Path.Combine(plan.Out, $"{profile}.summary.json"),
                Concurrency = plan.Concurrency,
                Baseline = baseline,
                Endpoint = $"sim://{profile}",
            };
            DeleteIfPresent(options.OutputPath);
            await console.Error.WriteLineAsync($"== {profile}: {SimulationProfile.Get(profile).Description}").ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            var backend = new SimulatedBackend(SimulationProfile.Get(profile), labels, plan.Seed);
            var report = await RunCommand.RunOnceAsync(console, backend, evaluator, options, cancellationToken).ConfigureAwait(false);
            if (report.Outcome != RunOutcome.Completed)
            {
                await console.Error.WriteLineAsync($"error: {report.Message}").ConfigureAwait(false);
                return (int)(report.Outcome == RunOutcome.Cancelled ? ExitCode.Interrupted : ExitCode.InfrastructureError);
            }

            runs.Add(new DemoRun(profile, report, clock.Elapsed));
        }

        var table = DemoSummary.Markdown(runs, plan.Expected, samples == plan.Samples ? null : plan.Limit);
        await console.Out.WriteLineAsync(table).ConfigureAwait(false);
        var comparison = RunComparer.Compare(
            runs[0].Report.ResultsPath, runs[0].Report.Outcomes,
            runs[1].Report.ResultsPath, runs[1].Report.Outcomes,
            baseline);
        await console.Out.WriteLineAsync($"compare {runs[0].Profile} → {runs[1].Profile}").ConfigureAwait(false);
        ComparisonPrinter.Print(comparison, console.Out, maxChanges: 10);
        var markdown = Path.Combine(plan.Out, "demo.md");
        await File.WriteAllTextAsync(markdown, table, cancellationToken).ConfigureAwait(false);

        // The comparison report (CSV, charts, index.html, summary.md) of the two simulated deployments.
        await console.Out.WriteLineAsync().ConfigureAwait(false);
        await ReportWriter.WriteAsync(
            console,
            console.Out,
            [.. runs.Select(r => new ReportInput(r.Report.ResultsPath, r.Profile) { Journal = new ScoredJournal(r.Report.Outcomes, r.Report.Summary.UnreadableRows, r.Report.Summary.Model) })],
            new ReportOptions { Baseline = baseline, Gates = AcceptanceGates },
            plan.Out,
            cancellationToken).ConfigureAwait(false);
        foreach (var run in runs)
        {
            await console.Out.WriteLineAsync($"wrote {run.Report.ResultsPath}").ConfigureAwait(false);
            await console.Out.WriteLineAsync($"wrote {run.Report.SummaryPath}").ConfigureAwait(false);
        }

        await console.Out.WriteLineAsync($"wrote {markdown}").ConfigureAwait(false);
        return (int)ExitCode.Ok;
    }

    /// <summary>K2VV's published acceptance line for K2-0905, so the report shows which simulated deployment would pass a release gate.</summary>
    private static IReadOnlyList<GateExpression> AcceptanceGates { get; } = [GateExpression.Parse("tool_call_f1>=0.80")];

    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private sealed record DemoPlan(string Samples, string Expected, string Out, int? Limit, long Seed, int Concurrency);
}

/// <summary>One profile's run in the default job.</summary>
internal sealed record DemoRun(string Profile, RunReport Report, TimeSpan Elapsed);
