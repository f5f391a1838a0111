namespace K2Verifier.Metrics;

/// <summary>Percentiles with linear interpolation between closest ranks (numpy's default).</summary>
public static class Percentiles
{
    /// <summary>The <paramref name="percentile"/> (0–100) of <paramref name="sorted"/>, which must be in ascending order; null when empty.</summary>
    public static double? Of(IReadOnlyList<long> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = percentile / 100.0 * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
    }

    /// <summary>p50, p90, p99, mean and max of <paramref name="values"/>; null when empty.</summary>
    public static LatencyStats? Summarize(IEnumerable<long> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        return new LatencyStats(
            Math.Round(Of(sorted, 50)!.Value, 1),
            Math.Round(Of(sorted, 90)!.Value, 1),
            Math.Round(Of(sorted, 99)!.Value, 1),
            Math.Round(sorted.Average(), 1),
            sorted[^1],
            sorted.Count);
    }
}
