namespace K2Verifier.Metrics;

/// <summary>A 95% confidence interval (inclusive bounds, rounded to 6 places).</summary>
public sealed record Interval(double Low, double High)
{
    /// <summary>Wilson score interval for <paramref name="successes"/> of <paramref name="trials"/>; null when there are no trials.</summary>
    public static Interval? Wilson(int successes, int trials, double z = 1.959963984540054)
    {
        if (trials <= 0)
        {
            return null;
        }

        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var center = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
        return new Interval(Math.Round(Math.Max(0, center - half), 6), Math.Round(Math.Min(1, center + half), 6));
    }

    /// <summary>The 2.5th and 97.5th percentiles of bootstrap replicates (undefined replicates left out); null when none is defined.</summary>
    public static Interval? FromReplicates(IEnumerable<double?> replicates)
    {
        var sorted = replicates.Where(r => r is not null).Select(r => r!.Value).Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        return new Interval(Math.Round(Quantile(sorted, 0.025), 6), Math.Round(Quantile(sorted, 0.975), 6));
    }

    private static double Quantile(List<double> sorted, double q)
    {
        var rank = q * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower));
    }
}
