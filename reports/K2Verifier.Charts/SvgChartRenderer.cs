using K2Verifier.Charts.Rendering;

namespace K2Verifier.Charts;

/// <summary>
/// Renders a chart specification as a standalone SVG document (800 px wide, text as <c>&lt;text&gt;</c>, labels
/// escaped, Okabe–Ito colours, no XML declaration so it can also be inlined in HTML).
/// </summary>
public static class SvgChartRenderer
{
    /// <summary>The SVG text of <paramref name="chart"/>.</summary>
    public static string Render(ChartSpec chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart switch
        {
            BarChart bar => BarChartRenderer.Render(bar),
            LineChart line => LineChartRenderer.Render(line),
            _ => throw new ArgumentException($"no renderer for {chart.GetType().Name}", nameof(chart)),
        };
    }
}
