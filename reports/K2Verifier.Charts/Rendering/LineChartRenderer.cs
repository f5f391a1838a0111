using System.Globalization;
using K2Verifier.Charts.Svg;

namespace K2Verifier.Charts.Rendering;

/// <summary>Draws a <see cref="LineChart"/>: numeric (linear or log) or labelled x axis, lines or steps, reference lines.</summary>
internal static class LineChartRenderer
{
    private const string Axis = "#444444";
    private const string Grid = "#e3e3e3";
    private const double Left = 72;
    private const double PlotWidth = Frame.Width - Left - 110;
    private const double PlotHeight = 280;

    public static string Render(LineChart chart)
    {
        var colors = chart.Series.Select((s, i) => Frame.ColorOf(s.Color, i)).ToList();
        var legend = chart.Series.Select((s, i) => (s.Name, colors[i], true)).ToList();
        var points = chart.Series.SelectMany(s => s.Points).ToList();
        var (xMin, xMax, xTicks) = XAxis(chart, points);
        var ys = points.Select(p => p.Y).Concat(chart.ReferenceLines.Select(r => r.Value)).DefaultIfEmpty(0).ToList();
        var (yMin, yMax, yTicks) = Ticks.Linear(chart.YMin ?? ys.Min(), chart.YMax ?? ys.Max());
        if (chart.YMax is { } fixedMax)
        {
            yMax = fixedMax;
            yTicks = [.. yTicks.Where(t => t <= fixedMax + 1e-9)];
        }

        using var probe = new SvgWriter(chart.Id, Frame.Width, 100, chart.Title, null);
        var top = Frame.Header(probe, chart, legend) + 10;
        var rotate = chart.XLabels is { Count: > 6 };
        var height = top + PlotHeight + (rotate ? 110 : 56);
        using var svg = new SvgWriter(chart.Id, Frame.Width, height, chart.Title, chart.Subtitle);
        Frame.Header(svg, chart, legend);
        double X(double x) => Left + (PlotWidth * (chart.LogX ? (Math.Log10(Math.Max(x, xMin)) - Math.Log10(xMin)) / (Math.Log10(xMax) - Math.Log10(xMin)) : (x - xMin) / (xMax - xMin)));
        double Y(double y) => top + PlotHeight - (PlotHeight * Math.Clamp((y - yMin) / (yMax - yMin), 0, 1));

        foreach (var tick in yTicks)
        {
            svg.Line(Left, Y(tick), Left + PlotWidth, Y(tick), Grid);
            svg.Text(Left - 6, Y(tick) + 4, tick.ToString(chart.ValueFormat, CultureInfo.InvariantCulture), "end", 11, "#555555");
        }

        foreach (var tick in xTicks)
        {
            var label = chart.XLabels is { } names ? TextFit.Shorten(names[(int)tick], 22) : tick.ToString(chart.XFormat, CultureInfo.InvariantCulture);
            svg.Line(X(tick), top, X(tick), top + PlotHeight, Grid);
            if (rotate)
            {
                svg.Text(X(tick), top + PlotHeight + 14, label, "end", 11, "#555555", rotate: -35);
            }
            else
            {
                svg.Text(X(tick), top + PlotHeight + 16, label, "middle", 11, "#555555");
            }
        }

        svg.Line(Left, top + PlotHeight, Left + PlotWidth, top + PlotHeight, Axis);
        svg.Line(Left, top, Left, top + PlotHeight, Axis);
        svg.Text(Left + (PlotWidth / 2), height - 12, chart.XLabel + (chart.LogX ? " (log scale)" : string.Empty), "middle", 12, Axis);
        svg.Text(18, top + (PlotHeight / 2), chart.ValueLabel, "middle", 12, Axis, rotate: -90);
        foreach (var line in chart.ReferenceLines)
        {
            svg.Line(Left, Y(line.Value), Left + PlotWidth, Y(line.Value), "#111111", 1.2, "6 4");
            svg.Text(Left + PlotWidth + 4, Y(line.Value) + 4, line.Label, size: 11);
        }

        for (var s = 0; s < chart.Series.Count; s++)
        {
            DrawSeries(svg, chart, chart.Series[s], colors[s], X, Y);
        }

        return svg.Finish();
    }

    private static void DrawSeries(SvgWriter svg, LineChart chart, LineSeries series, string color, Func<double, double> x, Func<double, double> y)
    {
        if (series.Points.Count == 0)
        {
            return;
        }

        var path = new List<(double, double)>();
        for (var i = 0; i < series.Points.Count; i++)
        {
            var p = series.Points[i];
            if (chart.Step && i > 0)
            {
                path.Add((x(p.X), y(series.Points[i - 1].Y)));
            }

            path.Add((x(p.X), y(p.Y)));
        }

        svg.Polyline(path, color, 2.5, series.Name);
        if (chart.Markers || series.Points.Count == 1)
        {
            foreach (var p in series.Points)
            {
                var at = chart.XLabels is { } names ? names[(int)p.X] : p.X.ToString(chart.XFormat, CultureInfo.InvariantCulture);
                svg.Circle(x(p.X), y(p.Y), 4, color, $"{series.Name} · {at}: {p.Y.ToString(chart.ValueFormat, CultureInfo.InvariantCulture)}");
            }
        }
    }

    private static (double Min, double Max, IReadOnlyList<double> Ticks) XAxis(LineChart chart, List<ChartPoint> points)
    {
        if (chart.XLabels is { } labels)
        {
            var every = Math.Max(1, (int)Math.Ceiling(labels.Count / 12.0));
            var ticks = Enumerable.Range(0, labels.Count).Where(i => i % every == 0 || i == labels.Count - 1).Select(i => (double)i).ToList();
            return labels.Count == 1 ? (-0.5, 0.5, ticks) : (0, labels.Count - 1, ticks);
        }

        var xs = points.Select(p => p.X).DefaultIfEmpty(1).ToList();
        return chart.LogX ? Ticks.Log(xs.Where(x => x > 0).DefaultIfEmpty(1).Min(), xs.Max()) : Ticks.Linear(xs.Min(), xs.Max(), 6);
    }
}
