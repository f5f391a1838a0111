using ScottPlot;
using ScottPlot.TickGenerators;

namespace K2Verifier.Charts.Plotting;

/// <summary>
/// A <see cref="LineChart"/> as a ScottPlot plot: lines or steps over a numeric (linear or logarithmic) or categorical
/// x axis, optional markers, dashed reference lines named in the legend. A series without points is left out.
/// </summary>
internal static class LinePlotter
{
    private const int PlotHeight = 280;

    public static (Plot Plot, int Height) Build(LineChart chart)
    {
        var plot = PlotLayout.Create(chart);
        var drawn = chart.Series.Where(s => s.Points.Count > 0).ToList();
        for (var i = 0; i < drawn.Count; i++)
        {
            var series = drawn[i];
            var xs = series.Points.Select(p => chart.LogX ? Math.Log10(p.X) : p.X).ToArray();
            var line = plot.Add.Scatter(xs, [.. series.Points.Select(p => p.Y)], PlotLayout.Color(series.Color ?? Palette.At(i)));
            line.LineWidth = 2;
            line.MarkerSize = chart.Markers ? 7 : 0;
            line.ConnectStyle = chart.Step ? ConnectStyle.StepHorizontal : ConnectStyle.Straight;
            line.LegendText = series.Name;
        }

        foreach (var reference in chart.ReferenceLines)
        {
            plot.Add.HorizontalLine(reference.Value, 1.5f, Colors.Black, LinePattern.Dashed).LegendText = reference.Label;
        }

        var points = drawn.SelectMany(s => s.Points).ToList();
        var depth = XAxis(plot, chart, points);
        var yLow = chart.YMin ?? (points.Count == 0 ? 0 : Math.Min(0, points.Min(p => p.Y)));
        var yHigh = chart.YMax ?? (points.Count == 0 ? 1 : Math.Max(yLow + 1e-9, points.Max(p => p.Y)) * 1.05);
        plot.Axes.SetLimitsY(yLow, yHigh);
        plot.Axes.Left.TickGenerator = PlotLayout.Numeric(chart.ValueFormat);
        plot.Axes.Left.Label.Text = chart.ValueLabel;
        plot.Axes.Bottom.Label.Text = ChartText.XLabel(chart);
        PlotLayout.Finish(plot);
        var entries = drawn.Select(s => s.Name).Concat(chart.ReferenceLines.Select(r => r.Label)).ToList();
        return (plot, PlotHeight + depth + 90 + PlotLayout.ExtraHeight(chart, entries));
    }

    private static int XAxis(Plot plot, LineChart chart, List<ChartPoint> points)
    {
        if (chart.XLabels is { } labels)
        {
            plot.Axes.SetLimitsX(-0.5, Math.Max(1, labels.Count) - 0.5);
            return PlotLayout.CategoryTicks(plot, plot.Axes.Bottom, [.. Enumerable.Range(0, labels.Count).Select(i => (double)i)], labels, across: true);
        }

        if (chart.LogX)
        {
            var (low, high, values) = LogTicks.For(points.Count == 0 ? 1 : points.Min(p => p.X), points.Count == 0 ? 10 : points.Max(p => p.X));
            plot.Axes.Bottom.TickGenerator = new NumericManual([.. values.Select(Math.Log10)], [.. values.Select(v => PlotLayout.Format(v, chart.XFormat))]);
            plot.Axes.SetLimitsX(low, high);
            return 0;
        }

        plot.Axes.Bottom.TickGenerator = PlotLayout.Numeric(chart.XFormat);
        if (points.Count > 0)
        {
            var (low, high) = (points.Min(p => p.X), points.Max(p => p.X));
            plot.Axes.SetLimitsX(low, high > low ? high : low + 1);
        }

        return 0;
    }
}
