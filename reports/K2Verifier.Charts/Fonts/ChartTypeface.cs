using SkiaSharp;

namespace K2Verifier.Charts.Fonts;

/// <summary>
/// The one font every chart is drawn with, found once per process by <see cref="ChartFontLocator.FromEnvironment"/> and
/// registered with ScottPlot under <see cref="Family"/>, so no chart depends on what the machine's default font is.
/// </summary>
internal static class ChartTypeface
{
    /// <summary>The family name the font is registered under.</summary>
    public const string Family = "K2Verifier Sans";

    private static readonly Lazy<SKTypeface> Regular = new(() => Register(ChartFontLocator.FromEnvironment(Environment.GetEnvironmentVariable).Find()));

    /// <summary>The regular face (for measuring text); throws <see cref="ChartFontMissingException"/> when there is no font.</summary>
    public static SKTypeface Ensure() => Regular.Value;

    /// <summary>The width of <paramref name="text"/> in pixels at <paramref name="size"/>.</summary>
    public static float Measure(string text, float size)
    {
        using var font = new SKFont(Ensure(), size);
        return font.MeasureText(text);
    }

    private static SKTypeface Register(ChartFontFiles files)
    {
        ScottPlot.Fonts.AddFontFile(Family, files.Regular, bold: false, italic: false);
        ScottPlot.Fonts.AddFontFile(Family, files.Bold ?? files.Regular, bold: true, italic: false);
        return SKTypeface.FromFile(files.Regular) ?? throw new ChartFontMissingException($"{files.Regular} could not be loaded");
    }
}
