namespace K2Verifier.Metrics;

/// <summary>One metric across repeated runs: mean, min, max, sample standard deviation and a 95% t-interval of the mean.</summary>
public sealed record RepeatStats(int Runs, double Mean, double Min, double Max, double? StdDev, Interval? MeanInterval)
{
    // Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom; 1.96 beyond.
    private static readonly double[] T975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>Statistics of the defined values; null when none is defined.</summary>
    public static RepeatStats? Of(IEnumerable<double?> values)
    {
        var defined = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (defined.Count == 0)
        {
            return null;
        }

        var mean = defined.Average();
        double? stdDev = null;
        Interval? interval = null;
        if (defined.Count > 1)
        {
            var sd = Math.Sqrt(defined.Sum(v => (v - mean) * (v - mean)) / (defined.Count - 1));
            var t = defined.Count - 1 <= T975.Length ? T975[defined.Count - 2] : 1.96;
            var half = t * sd / Math.Sqrt(defined.Count);
            stdDev = Math.Round(sd, 6);
            interval = new Interval(Math.Round(mean - half, 6), Math.Round(mean + half, 6));
        }

        return new RepeatStats(defined.Count, Math.Round(mean, 6), Math.Round(defined.Min(), 6), Math.Round(defined.Max(), 6), stdDev, interval);
    }
}
