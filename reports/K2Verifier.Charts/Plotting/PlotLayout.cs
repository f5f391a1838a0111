using System.Globalization;
using K2Verifier.Charts.Fonts;
using ScottPlot;
using ScottPlot.Panels;
using ScottPlot.TickGenerators;

namespace K2Verifier.Charts.Plotting;

/// <summary>What every chart shares: the registered font, the title with its wrapped subtitle, the legend below the plot, invariant number formats.</summary>
internal static class PlotLayout
{
    /// <summary>Pixels per subtitle line.</summary>
    public const int SubtitleLineHeight = 16;

    /// <summary>Pixels per legend row.</summary>
    private const int LegendRowHeight = 22;

    /// <summary>A plot with the chart's title and subtitle.</summary>
    public static Plot Create(ChartSpec chart)
    {
        ChartTypeface.Ensure();
        var plot = new Plot();
        plot.Axes.Title.Label.Text = chart.Title;
        plot.Axes.Title.Label.FontSize = 16;
        plot.Axes.Title.FullFigureCenter = true;
        plot.Axes.Right.MinimumSize = 24;
        var lines = ChartText.SubtitleLines(chart);
        if (lines.Count > 0)
        {
            var subtitle = new TitlePanel();
            subtitle.Label.Text = string.Join('\n', lines);
            subtitle.Label.FontSize = ChartText.SubtitleSize;
            subtitle.Label.Bold = false;
            subtitle.Label.ForeColor = Colors.DimGray;
            subtitle.FullFigureCenter = true;
            plot.Axes.AddPanel(subtitle);
        }

        return plot;
    }

    /// <summary>Applies the chart font to everything added, and shows the legend under the plot.</summary>
    public static void Finish(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.SetBestFontOnEachRender = false;
        plot.Font.Set(ChartTypeface.Family);
        foreach (var panel in plot.Axes.GetPanels().OfType<TitlePanel>())
        {
            panel.Label.FontName = ChartTypeface.Family;
        }
    }

    /// <summary>The extra height for the subtitle and a legend of <paramref name="entries"/> names.</summary>
    public static int ExtraHeight(ChartSpec chart, IReadOnlyList<string> entries)
    {
        var width = entries.Sum(e => ChartTypeface.Measure(e, 12) + 40);
        var legendRows = entries.Count == 0 ? 0 : (int)Math.Ceiling(width / (ChartRenderer.Width - 60));
        return (ChartText.SubtitleLines(chart).Count * SubtitleLineHeight) + (legendRows * LegendRowHeight) + 20;
    }

    /// <summary>A tick generator labelling values with a .NET format string in the invariant culture.</summary>
    public static NumericAutomatic Numeric(string format) => new() { LabelFormatter = v => Format(v, format) };

    /// <summary>A value in the invariant culture, without a negative zero.</summary>
    public static string Format(double value, string format) =>
        (Math.Abs(value) < 1e-12 ? 0 : value).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A palette colour (CSS hex).</summary>
    public static Color Color(string hex) => ScottPlot.Color.FromHex(hex);

    /// <summary>Labels along the category axis, turned 45° (and the axis made deep enough) when they would not fit side by side.</summary>
    public static int CategoryTicks(Plot plot, IAxis axis, IReadOnlyList<double> positions, IReadOnlyList<string> labels, bool across)
    {
        axis.TickGenerator = new NumericManual([.. positions], [.. labels]);
        axis.MajorTickStyle.Length = 0;
        var widest = labels.Count == 0 ? 0 : labels.Max(l => ChartTypeface.Measure(l, 12));
        if (!across || (widest + 12) * labels.Count <= ChartRenderer.Width - 120)
        {
            return 0;
        }

        // Turned counter-clockwise and anchored at their end: each label ends under its tick and runs down to the left.
        axis.TickLabelStyle.Rotation = -45;
        axis.TickLabelStyle.Alignment = Alignment.MiddleRight;
        var depth = (int)Math.Ceiling((widest * 0.72) + 16);
        plot.Axes.Bottom.MinimumSize = depth;
        plot.Axes.Left.MinimumSize = Math.Min(ChartRenderer.Width / 3, (ChartTypeface.Measure(labels[0], 12) * 0.72f) + 10);
        return depth;
    }
}
