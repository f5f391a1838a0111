using System.Diagnostics;
using K2Verifier.Backends;
using K2Verifier.Dataset;
using K2Verifier.Metrics;
using K2Verifier.Results;
using K2Verifier.Running;
using K2Verifier.Validation;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>One replay as the CLI runs it (adaptive concurrency under <c>--concurrency</c>, defaults otherwise), timed.</summary>
internal static class VendorRun
{
    public static Task<(TimeSpan Elapsed, RunSummary Summary)> RunAsync(Uri baseUrl, string dataset, string folder, int concurrency, string name) =>
        RunAsync(baseUrl, dataset, folder, concurrency, name, new Quiet(), Stopwatch.StartNew());

    /// <summary>The same, telling <paramref name="observer"/> of each row; the time is <paramref name="watch"/>'s.</summary>
    public static Task<(TimeSpan Elapsed, RunSummary Summary)> RunAsync(Uri baseUrl, string dataset, string folder, int concurrency, string name, IRunObserver observer, Stopwatch watch) =>
        RunAsync(new HttpBackendOptions { BaseUrl = baseUrl, Timeout = TimeSpan.FromSeconds(600), RateLimit = new RateLimitOptions { ConcurrencyCeiling = concurrency } },
            dataset, folder, concurrency, name, observer, watch);

    /// <summary>Replays with <paramref name="backendOptions"/>, telling <paramref name="observer"/>; the time is <paramref name="watch"/>'s.</summary>
    public static async Task<(TimeSpan Elapsed, RunSummary Summary)> RunAsync(
        HttpBackendOptions backendOptions, string dataset, string folder, int concurrency, string name, IRunObserver observer, Stopwatch watch)
    {
        using var backend = new HttpChatBackend(backendOptions);
        var options = new RunOptions
        {
            DatasetPath = dataset,
            OutputPath = Path.Combine(folder, name + ".jsonl"),
            SummaryPath = Path.Combine(folder, name + ".summary.json"),
            Concurrency = concurrency,
            Preparation = new() { Model = "bench" },
        };
        watch.Restart();
        var report = await new Runner(backend, new CaseEvaluator(JsonSchemaValidator.Default), TimeProvider.System, observer).RunAsync(options, CancellationToken.None);
        return (watch.Elapsed, report.Summary);
    }

    private sealed class Quiet : IRunObserver
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
