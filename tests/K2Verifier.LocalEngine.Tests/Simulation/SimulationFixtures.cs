using System.Text.Json;
using K2Verifier.Baselines;
using K2Verifier.Dataset;
using K2Verifier.LocalEngine.Simulation;
using K2Verifier.Metrics;
using K2Verifier.Results;
using K2Verifier.Running;
using K2Verifier.Validation;

namespace K2Verifier.LocalEngine.Tests.Simulation;

/// <summary>Runs the simulator over a subset of k2v-4000 through the real <see cref="Runner"/>.</summary>
internal static class SimulationFixtures
{
    public static string DatasetFolder => Path.Combine(Repository.Root, "datasets", "k2v-4000");

    public static string ExpectedPath => Path.Combine(DatasetFolder, "expected.jsonl");

    private static readonly Lazy<ExpectedLabels> LabelsLazy = new(() => ExpectedLabels.Read(ExpectedPath));

    public static ExpectedLabels Labels => LabelsLazy.Value;

    /// <summary>Writes the first <paramref name="lines"/> requests of k2v-4000 into a temporary folder.</summary>
    public static string Subset(int lines)
    {
        var folder = Directory.CreateTempSubdirectory("k2v-sim-");
        var path = Path.Combine(folder.FullName, "samples.jsonl");
        File.WriteAllLines(path, File.ReadLines(Path.Combine(DatasetFolder, "samples.jsonl")).Take(lines));
        return path;
    }

    public static async Task<(RunSummary Summary, string ResultsPath)> RunAsync(string samples, string profile, long seed = 0, int concurrency = 4)
    {
        var folder = Path.GetDirectoryName(samples)!;
        var backend = new SimulatedBackend(SimulationProfile.Get(profile), Labels, seed);
        var options = new RunOptions
        {
            DatasetPath = samples,
            OutputPath = Path.Combine(folder, $"{profile}-{seed}.results.jsonl"),
            SummaryPath = Path.Combine(folder, $"{profile}-{seed}.summary.json"),
            Concurrency = concurrency,
            Baseline = BaselineReader.Read(ExpectedPath),
        };
        var report = await new Runner(backend, new CaseEvaluator(JsonSchemaValidator.Default), TimeProvider.System, new NullObserver())
            .RunAsync(options, CancellationToken.None);
        return (report.Summary, report.ResultsPath);
    }

    /// <summary>Every distinct tool declared in k2v-4000 (name → parameters).</summary>
    public static IReadOnlyDictionary<string, JsonElement> Tools()
    {
        var tools = new Dictionary<string, JsonElement>();
        foreach (var line in File.ReadLines(Path.Combine(DatasetFolder, "samples.jsonl")))
        {
            using var document = JsonDocument.Parse(line);
            if (!document.RootElement.TryGetProperty("tools", out var list))
            {
                continue;
            }

            foreach (var tool in list.EnumerateArray())
            {
                var function = tool.GetProperty("function");
                tools.TryAdd(function.GetProperty("name").GetString()!, function.GetProperty("parameters").Clone());
            }
        }

        return tools;
    }

    private sealed class NullObserver : IRunObserver
    {
        public void DatasetLineSkipped(DatasetRecord record)
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
