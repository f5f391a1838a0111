namespace K2Verifier.Metrics;

/// <summary>
/// The summary of <c>run --repeat N</c>: each run's summary file, and every metric across the runs (the official API
/// itself varies between runs; this is how large that variation is here).
/// </summary>
public sealed record RepeatSummary
{
    public int Repeats { get; init; }

    /// <summary>The per-run results and summary files, in run order.</summary>
    public IReadOnlyList<string> RunSummaries { get; init; } = [];

    /// <summary>Metric name (as gates name them) → statistics across runs.</summary>
    public IReadOnlyDictionary<string, RepeatStats?> Metrics { get; init; } = new SortedDictionary<string, RepeatStats?>(StringComparer.Ordinal);

    /// <summary>Aggregates run summaries.</summary>
    public static RepeatSummary Of(IReadOnlyList<(string SummaryPath, RunSummary Summary)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var flattened = runs.Select(r => SummaryMetrics.Flatten(r.Summary)).ToList();
        var names = flattened.SelectMany(f => f.Keys).Distinct(StringComparer.Ordinal);
        var metrics = new SortedDictionary<string, RepeatStats?>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            metrics[name] = RepeatStats.Of(flattened.Select(f => f.TryGetValue(name, out var v) ? v : null));
        }

        return new RepeatSummary { Repeats = runs.Count, RunSummaries = [.. runs.Select(r => r.SummaryPath)], Metrics = metrics };
    }

    /// <summary>The mean of each metric, for gates (a gate on a repeated run checks the mean).</summary>
    public IReadOnlyDictionary<string, double?> Means() => Metrics.ToDictionary(p => p.Key, p => p.Value?.Mean, StringComparer.Ordinal);
}
