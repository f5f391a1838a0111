namespace K2Verifier.Comparison;

/// <summary>
/// The numeric metrics of a <see cref="RunComparison"/> by the names gates use: <c>a.M</c>, <c>b.M</c> and
/// <c>delta.M</c> for each compared metric M (plus <c>delta.M.low</c>/<c>.high</c>), <c>similarity_f1</c>,
/// <c>changed_requests</c>, <c>status_changes</c>, <c>trigger_changes</c>, <c>validity_changes</c>, <c>common_requests</c>.
/// </summary>
public static class ComparisonMetrics
{
    private static readonly string[] Counters = ["similarity_f1", "changed_requests", "status_changes", "trigger_changes", "validity_changes", "common_requests"];

    /// <summary>Every name a comparison can have.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        .. Counters,
        .. RunComparer.PlainMetrics.Concat(RunComparer.BaselineMetrics).SelectMany(m => new[] { $"a.{m}", $"b.{m}", $"delta.{m}", $"delta.{m}.low", $"delta.{m}.high" }),
    ];

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>Why <paramref name="name"/> cannot be had from <paramref name="c"/> (a baseline metric compared without a baseline), or null.</summary>
    public static string? Unavailable(RunComparison c, string name)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(name);
        return c.Baseline is null && RunComparer.BaselineMetrics.Any(m => name.Split('.').Contains(m, StringComparer.Ordinal))
            ? $"{name} needs a baseline: give --baseline FILE (the trigger F1 of both runs is measured against it)"
            : null;
    }

    public static IReadOnlyDictionary<string, double?> Flatten(RunComparison c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var m = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["similarity_f1"] = c.SimilarityF1,
            ["changed_requests"] = c.Changes.Select(x => x.DataIndex).Distinct().Count(),
            ["status_changes"] = c.Changes.Count(x => x.Kind == "status"),
            ["trigger_changes"] = c.Changes.Count(x => x.Kind == "trigger"),
            ["validity_changes"] = c.Changes.Count(x => x.Kind == "validity"),
            ["common_requests"] = c.CommonRequests,
        };
        foreach (var delta in c.Deltas)
        {
            m[$"a.{delta.Metric}"] = delta.A;
            m[$"b.{delta.Metric}"] = delta.B;
            m[$"delta.{delta.Metric}"] = delta.Delta;
            m[$"delta.{delta.Metric}.low"] = delta.DeltaInterval?.Low;
            m[$"delta.{delta.Metric}.high"] = delta.DeltaInterval?.High;
        }

        return m;
    }
}
