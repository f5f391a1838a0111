using System.Globalization;
using K2Verifier.Metrics;

namespace K2Verifier.Reports.Formatting;

/// <summary>Numbers rounded for people (Markdown and HTML), always in the invariant culture. CSV keeps raw numbers.</summary>
internal static class Display
{
    public const string None = "–";

    /// <summary>0.831 → <c>83.10%</c>; null → <c>–</c>.</summary>
    public static string Percent(double? value) => value?.ToString("0.00%", CultureInfo.InvariantCulture) ?? None;

    /// <summary>A percentage with its interval in points: <c>83.10% (81.90–84.30)</c>.</summary>
    public static string PercentWithInterval(double? value, Interval? interval) => value is null
        ? None
        : interval is { } i
            ? string.Create(CultureInfo.InvariantCulture, $"{value:0.00%} ({i.Low * 100:0.00}–{i.High * 100:0.00})")
            : Percent(value);

    /// <summary>A fraction to two places: <c>0.83</c>.</summary>
    public static string Fraction(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? None;

    /// <summary>A fraction with its interval: <c>0.83 (0.78–0.88)</c>.</summary>
    public static string FractionWithInterval(double? value, Interval? interval) => value is null
        ? None
        : interval is { } i ? string.Create(CultureInfo.InvariantCulture, $"{value:0.00} ({i.Low:0.00}–{i.High:0.00})") : Fraction(value);

    public static string Count(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? None;

    /// <summary>Milliseconds: <c>850 ms</c> below 10 s, else seconds with one decimal (<c>12.3 s</c>).</summary>
    public static string Millis(double? value) => value switch
    {
        null => None,
        < 10_000 => string.Create(CultureInfo.InvariantCulture, $"{value:0} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value / 1000:0.0} s"),
    };

    public static string Latency(LatencyStats? stats) => stats is null ? None : $"{Millis(stats.P50)} / {Millis(stats.P90)} / {Millis(stats.P99)}";

    public static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => None };

    /// <summary>A gate's observed value: up to 6 places, or <c>undefined</c>.</summary>
    public static string GateValue(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "undefined";
}
