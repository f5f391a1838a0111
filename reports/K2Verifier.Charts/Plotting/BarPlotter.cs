using ScottPlot;

namespace K2Verifier.Charts.Plotting;

/// <summary>
/// A <see cref="BarChart"/> as a ScottPlot plot: grouped or stacked bars per category, asymmetric whiskers, dashed
/// reference lines named in the legend. Horizontal charts grow in height with their rows; vertical charts turn their
/// category labels when they do not fit.
/// </summary>
internal static class BarPlotter
{
    private const double GroupWidth = 0.8;

    public static (Plot Plot, int Height) Build(BarChart chart)
    {
        var plot = PlotLayout.Create(chart);
        var count = chart.Categories.Count;
        var size = chart.Stacked ? GroupWidth : GroupWidth / Math.Max(1, chart.Series.Count);
        var bases = new double[count];
        var top = chart.ValueMin;
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var color = PlotLayout.Color(series.Color ?? Palette.At(s));
            var bars = new List<Bar>();
            var whiskers = new Whiskers();
            for (var c = 0; c < count; c++)
            {
                if (c >= series.Values.Count || series.Values[c] is not { } value)
                {
                    continue;
                }

                var offset = chart.Stacked ? 0 : (s - ((chart.Series.Count - 1) / 2.0)) * size;
                var position = Position(chart, c) + (chart.Horizontal ? -offset : offset);
                var bottom = chart.Stacked ? bases[c] : 0;
                bars.Add(new Bar
                {
                    Position = position,
                    ValueBase = bottom,
                    Value = bottom + value,
                    Size = size * 0.92,
                    FillColor = color,
                    LineWidth = 0,
                    Label = chart.ShowValues ? PlotLayout.Format(value, chart.ValueFormat) : string.Empty,
                });
                bases[c] = chart.Stacked ? bottom + value : bases[c];
                top = Math.Max(top, bottom + value);
                if (series.Errors is { } errors && c < errors.Count && errors[c] is { } error)
                {
                    whiskers.Add(position, value, error);
                    top = Math.Max(top, error.High);
                }
            }

            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = chart.Horizontal;
            plottable.LegendText = series.Name;
            plottable.Color = color;
            whiskers.AddTo(plot, chart.Horizontal);
        }

        foreach (var line in chart.ReferenceLines)
        {
            var drawn = chart.Horizontal ? (ScottPlot.Plottables.AxisLine)plot.Add.VerticalLine(line.Value, 1.5f, Colors.Black, LinePattern.Dashed) : plot.Add.HorizontalLine(line.Value, 1.5f, Colors.Black, LinePattern.Dashed);
            drawn.LegendText = line.Label;
            top = Math.Max(top, line.Value);
        }

        // A fixed upper end gets 2% room, so a bar or whisker that reaches it is not cut by the frame.
        var high = chart.ValueMax is { } max ? max + ((max - chart.ValueMin) * 0.02) : (top <= chart.ValueMin ? chart.ValueMin + 1 : top * (chart.ShowValues ? 1.12 : 1.05));
        return (plot, Axes(plot, chart, high));
    }

    private static double Position(BarChart chart, int category) => chart.Horizontal ? chart.Categories.Count - 1 - category : category;

    private static int Axes(Plot plot, BarChart chart, double high)
    {
        var positions = Enumerable.Range(0, chart.Categories.Count).Select(c => Position(chart, c)).ToList();
        var valueAxis = chart.Horizontal ? (IAxis)plot.Axes.Bottom : plot.Axes.Left;
        var categoryAxis = chart.Horizontal ? (IAxis)plot.Axes.Left : plot.Axes.Bottom;
        valueAxis.TickGenerator = PlotLayout.Numeric(chart.ValueFormat);
        valueAxis.Label.Text = chart.ValueLabel;
        var depth = PlotLayout.CategoryTicks(plot, categoryAxis, positions, chart.Categories, across: !chart.Horizontal);
        if (chart.Horizontal)
        {
            plot.Axes.SetLimits(chart.ValueMin, high, -0.5, chart.Categories.Count - 0.5);
        }
        else
        {
            plot.Axes.SetLimits(-0.5, chart.Categories.Count - 0.5, chart.ValueMin, high);
        }

        var entries = chart.Series.Select(s => s.Name).Concat(chart.ReferenceLines.Select(r => r.Label)).ToList();
        PlotLayout.Finish(plot);
        var rows = chart.Categories.Count * (chart.Stacked ? 1 : Math.Max(1, chart.Series.Count));
        var plotHeight = chart.Horizontal ? Math.Max(200, (rows * 16) + (chart.Categories.Count * 10)) : 300;
        return plotHeight + depth + 90 + PlotLayout.ExtraHeight(chart, entries);
    }

    /// <summary>The whiskers of one series, drawn as one ScottPlot error-bar plottable.</summary>
    private sealed class Whiskers
    {
        private readonly List<double> _positions = [];
        private readonly List<double> _values = [];
        private readonly List<double> _above = [];
        private readonly List<double> _below = [];

        public void Add(double position, double value, ErrorBar error)
        {
            _positions.Add(position);
            _values.Add(value);
            _above.Add(Math.Max(0, error.High - value));
            _below.Add(Math.Max(0, value - error.Low));
        }

        public void AddTo(Plot plot, bool horizontal)
        {
            if (_positions.Count == 0)
            {
                return;
            }

            var none = new double[_positions.Count];
            var whiskers = horizontal
                ? new ScottPlot.Plottables.ErrorBar(_values, _positions, _above, _below, none, none)
                : new ScottPlot.Plottables.ErrorBar(_positions, _values, none, none, _above, _below);
            whiskers.Color = Colors.Black;
            whiskers.LineWidth = 1.2f;
            whiskers.CapSize = 6;
            plot.Add.Plottable(whiskers);
        }
    }
}
