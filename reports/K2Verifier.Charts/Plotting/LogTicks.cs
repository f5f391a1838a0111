namespace K2Verifier.Charts.Plotting;

/// <summary>Tick positions for a logarithmic axis: whole decades, with 2 and 5 between them when the range spans at most two decades.</summary>
internal static class LogTicks
{
    /// <summary>The axis ends (log10 of whole decades around the data) and the ticks (data values).</summary>
    public static (double Low, double High, IReadOnlyList<double> Values) For(double min, double max)
    {
        var low = Math.Floor(Math.Log10(Math.Max(min, 1e-9)));
        var high = Math.Max(low + 1, Math.Ceiling(Math.Log10(Math.Max(max, 1e-9))));
        var steps = high - low <= 2 ? new[] { 1.0, 2, 5 } : [1.0];
        var values = new List<double>();
        for (var decade = low; decade <= high; decade++)
        {
            values.AddRange(steps.Select(s => s * Math.Pow(10, decade)).Where(v => Math.Log10(v) <= high + 1e-9));
        }

        return (low, high, values);
    }
}
