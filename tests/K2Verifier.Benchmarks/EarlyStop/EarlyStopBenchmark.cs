using System.Globalization;
using K2Verifier.Baselines;
using K2Verifier.EarlyStop;
using K2Verifier.Gates;
using K2Verifier.LocalEngine.Simulation;
using K2Verifier.Metrics;
using K2Verifier.Results;
using K2Verifier.Running;
using K2Verifier.Validation;

namespace K2Verifier.Benchmarks.EarlyStop;

/// <summary>
/// <c>./run.sh bench early-stop [--repetitions 200] [--confidence 0.95]</c>: runs the simulator's <c>reference</c> and
/// <c>vllm-0.11.0</c> over all of k2v-4000 once, then replays <c>run --early-stop</c> in N seeded orders on those rows
/// (the simulator answers a request the same whatever the order, so the replay is the real run) and reports how many
/// requests each needed to decide the published gates and how often the early verdict disagreed with the full run.
/// </summary>
internal static class EarlyStopBenchmark
{
    private static readonly GateExpression[] Gates = [GateExpression.Parse("tool_call_f1>=0.80"), GateExpression.Parse("schema_accuracy>=0.95")];

    public static async Task<int> RunAsync(string[] args)
    {
        var repetitions = BenchArgs.Int(args, "--repetitions", 200);
        var confidence = double.Parse(BenchArgs.String(args, "--confidence") ?? "0.95", CultureInfo.InvariantCulture);
        var dataset = Path.Combine(RepositoryRoot(), "datasets", "k2v-4000");
        var baseline = BaselineReader.Read(Path.Combine(dataset, "expected.jsonl"));
        Console.WriteLine($"early stop: k2v-4000, gates {string.Join(" and ", Gates.Select(g => g.Text))}, confidence {confidence}, {repetitions} seeded orders");
        foreach (var profile in new[] { "reference", "vllm-0.11.0" })
        {
            var (summary, rows) = await FullRunAsync(dataset, profile, baseline);
            var full = GateEvaluator.Evaluate(Gates, SummaryMetrics.Flatten(summary));
            var used = new List<int>();
            var disagreements = 0;
            var undecided = 0;
            for (var seed = 0; seed < repetitions; seed++)
            {
                var report = EarlyStopMonitor.Replay(rows, Gates, baseline, confidence, seed);
                used.Add(report.RequestsUsed);
                undecided += report.StoppedEarly ? 0 : 1;
                disagreements += report.Gates.Where((g, i) => g.IsDecided && (g.Verdict == GateDecision.Pass) != full[i].Passed).Any() ? 1 : 0;
            }

            used.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{profile}: full run F1 {summary.ToolCallF1:0.###}, schema accuracy {summary.SchemaAccuracy:0.###} → {string.Join(", ", full.Select(r => r.Passed ? "pass" : "fail"))}; " +
                $"requests to a verdict median {used[used.Count / 2]}, p90 {used[(int)(used.Count * 0.9)]}, max {used[^1]} of {rows.Count} " +
                $"({used[used.Count / 2] * 100.0 / rows.Count:0.#} % median); ran to the end {undecided}/{repetitions}; disagreed with the full run {disagreements}/{repetitions}"));
        }

        return 0;
    }

    private static async Task<(RunSummary Summary, List<CaseResult> Rows)> FullRunAsync(string dataset, string profile, Baseline baseline)
    {
        var folder = Directory.CreateTempSubdirectory("k2v-early-stop-").FullName;
        var backend = new SimulatedBackend(SimulationProfile.Get(profile), ExpectedLabels.Read(Path.Combine(dataset, "expected.jsonl")));
        var options = new RunOptions
        {
            DatasetPath = Path.Combine(dataset, "samples.jsonl"),
            OutputPath = Path.Combine(folder, "results.jsonl"),
            SummaryPath = Path.Combine(folder, "summary.json"),
            Concurrency = 8,
            Baseline = baseline,
        };
        var report = await new Runner(backend, new CaseEvaluator(JsonSchemaValidator.Default), TimeProvider.System, new SilentObserver()).RunAsync(options, CancellationToken.None);
        return (report.Summary, [.. ResultsFile.Read(report.ResultsPath).Select(r => r.Result!)]);
    }

    private static string RepositoryRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "K2Verifier.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("K2Verifier.sln not found above the benchmark");
    }

    private sealed class SilentObserver : IRunObserver
    {
        public void DatasetLineSkipped(Dataset.DatasetRecord record)
        {
        }

        public void Started(int datasetLines)
        {
        }

        public void CaseFinished(CaseResult result, RunProgress progress)
        {
        }
    }
}
