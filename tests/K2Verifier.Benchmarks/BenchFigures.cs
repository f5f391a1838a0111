namespace K2Verifier.Benchmarks;

/// <summary>Figures the benchmarks print from several runs.</summary>
internal static class BenchFigures
{
    /// <summary>The median of <paramref name="values"/> (the upper one of an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
