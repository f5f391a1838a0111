namespace K2Verifier.Charts.Rendering;

/// <summary>"Nice" axis ticks: steps of 1, 2 or 5 times a power of ten, and decades for a logarithmic axis.</summary>
internal static class Ticks
{
    /// <summary>About <paramref name="count"/> ticks covering [min, max], with the range widened to whole steps.</summary>
    public static (double Min, double Max, IReadOnlyList<double> Values) Linear(double min, double max, int count = 5)
    {
        if (!(max > min))
        {
            max = min + (min == 0 ? 1 : Math.Abs(min) * 0.1);
        }

        var step = NiceStep((max - min) / Math.Max(1, count));
        var low = Math.Floor((min / step) + 1e-9) * step;
        var high = Math.Ceiling((max / step) - 1e-9) * step;
        var values = new List<double>();
        for (var v = low; v <= high + (step / 2); v += step)
        {
            values.Add(Math.Round(v, 10));
        }

        return (low, high, values);
    }

    /// <summary>Decade ticks (1, 10, 100, … with 2 and 5 between when the range is short) covering [min, max] (both positive).</summary>
    public static (double Min, double Max, IReadOnlyList<double> Values) Log(double min, double max)
    {
        min = Math.Max(min, 1e-9);
        max = Math.Max(max, min * 10);
        var low = Math.Pow(10, Math.Floor(Math.Log10(min)));
        var high = Math.Pow(10, Math.Ceiling(Math.Log10(max)));
        var decades = (int)Math.Round(Math.Log10(high / low));
        var multipliers = decades <= 3 ? new[] { 1.0, 2, 5 } : [1.0];
        var values = new List<double>();
        for (var d = low; d <= high * 1.0001; d *= 10)
        {
            values.AddRange(multipliers.Select(m => d * m).Where(v => v <= high * 1.0001));
        }

        return (low, high, values);
    }

    private static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }
}
