using System.Xml.Linq;
using K2Verifier.Charts.Plotting;
using ScottPlot;

namespace K2Verifier.Charts;

/// <summary>
/// Draws a chart specification with ScottPlot as SVG and PNG (<see cref="Width"/> pixels wide, the height follows the
/// content), with the one registered chart font. Fails loudly instead of writing a chart without text: with
/// <see cref="Fonts.ChartFontMissingException"/> when no font is found, and with <see cref="InvalidOperationException"/>
/// when a text of <see cref="ChartText.Labels"/> is missing from the SVG.
/// </summary>
public static class ChartRenderer
{
    /// <summary>The width of every chart in pixels.</summary>
    public const int Width = 800;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Finds and registers the chart font now; throws <see cref="Fonts.ChartFontMissingException"/> (with the fix) when there is none.</summary>
    public static void EnsureFont() => Fonts.ChartTypeface.Ensure();

    /// <summary>Draws <paramref name="chart"/>.</summary>
    public static ChartImage Render(ChartSpec chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var (plot, height) = chart switch
        {
            BarChart bar => BarPlotter.Build(bar),
            LineChart line => LinePlotter.Build(line),
            _ => throw new ArgumentException($"no plotter for {chart.GetType().Name}", nameof(chart)),
        };
        var svg = SvgDocument.Finish(plot.GetSvgXml(Width, height), chart, height);
        var missing = MissingText(svg, ChartText.Labels(chart));
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"chart \"{chart.Id}\" was drawn without these texts: {string.Join(", ", missing.Select(m => $"\"{m}\""))}");
        }

        return new ChartImage(chart.Id, chart.Title, svg, plot.GetImageBytes(Width, height, ImageFormat.Png), Width, height);
    }

    /// <summary>The labels that are not the text of any <c>text</c> element of <paramref name="svg"/>.</summary>
    public static IReadOnlyList<string> MissingText(string svg, IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var texts = XDocument.Parse(svg).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToHashSet(StringComparer.Ordinal);
        return [.. labels.Where(l => !texts.Contains(l.Trim()))];
    }
}
