using System.Globalization;
using K2Verifier.Charts.Svg;

namespace K2Verifier.Charts.Rendering;

/// <summary>Draws a <see cref="BarChart"/> (vertical or horizontal, grouped or stacked, with whiskers and reference lines).</summary>
internal static class BarChartRenderer
{
    private const string Axis = "#444444";
    private const string Grid = "#e3e3e3";

    public static string Render(BarChart chart)
    {
        var colors = chart.Series.Select((s, i) => Frame.ColorOf(s.Color, i)).ToList();
        var legend = chart.Series.Count > 1 || chart.Stacked ? chart.Series.Select((s, i) => (s.Name, colors[i], false)).ToList() : [];
        var (min, max, ticks) = Ticks.Linear(chart.ValueMin, chart.ValueMax ?? DataMax(chart));
        if (chart.ValueMax is { } fixedMax)
        {
            max = fixedMax;
            ticks = [.. ticks.Where(t => t <= fixedMax + 1e-9)];
        }

        // Measure the header first with a throw-away writer so the height is known before drawing.
        using var probe = new SvgWriter(chart.Id, Frame.Width, 100, chart.Title, null);
        var top = Frame.Header(probe, chart, legend) + 10;
        var layout = chart.Horizontal ? HorizontalLayout(chart, top) : VerticalLayout(chart, top);
        using var svg = new SvgWriter(chart.Id, Frame.Width, layout.Height, chart.Title, chart.Subtitle);
        Frame.Header(svg, chart, legend);
        var scale = new Func<double, double>(v => Math.Clamp((v - min) / (max - min), 0, 1));
        DrawValueAxis(svg, chart, layout, ticks, scale);
        DrawBars(svg, chart, layout, colors, scale);
        DrawReferenceLines(svg, chart, layout, scale);
        return svg.Finish();
    }

    private static double DataMax(BarChart chart)
    {
        var max = chart.ValueMin;
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            var stack = 0.0;
            foreach (var series in chart.Series)
            {
                var value = series.Values.ElementAtOrDefault(c) ?? 0;
                stack = chart.Stacked ? stack + value : Math.Max(stack, value);
                if (series.Errors?.ElementAtOrDefault(c) is { } error)
                {
                    max = Math.Max(max, error.High);
                }
            }

            max = Math.Max(max, stack);
        }

        return chart.ReferenceLines.Select(r => r.Value).Append(max).Max();
    }

    private static Layout VerticalLayout(BarChart chart, double top)
    {
        var longest = chart.Categories.Select(c => TextFit.Shorten(c, 24).Length).DefaultIfEmpty(0).Max();
        var band = (Frame.Width - 172) / Math.Max(1, chart.Categories.Count);
        var rotate = longest * 7 > band;
        var bottom = rotate ? 30 + (Math.Min(longest, 24) * 5) : 44;
        var plotHeight = 280.0;
        return new Layout(false, 72, top, Frame.Width - 172, plotHeight, top + plotHeight + bottom + 10, band, rotate);
    }

    private static Layout HorizontalLayout(BarChart chart, double top)
    {
        var labelWidth = Math.Min(240, chart.Categories.Select(c => TextFit.Width(TextFit.Shorten(c, 36))).DefaultIfEmpty(40).Max() + 16);
        var rows = chart.Stacked ? 1 : Math.Max(1, chart.Series.Count);
        var band = Math.Max(24, (rows * 14) + 10);
        var plotHeight = band * Math.Max(1, chart.Categories.Count);
        var left = 16 + labelWidth;
        return new Layout(true, left, top, Frame.Width - left - 60, plotHeight, top + plotHeight + 56, band, false);
    }

    private static void DrawValueAxis(SvgWriter svg, BarChart chart, Layout l, IReadOnlyList<double> ticks, Func<double, double> scale)
    {
        foreach (var tick in ticks)
        {
            var label = tick.ToString(chart.ValueFormat, CultureInfo.InvariantCulture);
            if (l.Horizontal)
            {
                var x = l.Left + (scale(tick) * l.PlotWidth);
                svg.Line(x, l.Top, x, l.Top + l.PlotHeight, Grid);
                svg.Text(x, l.Top + l.PlotHeight + 16, label, "middle", 11, "#555555");
            }
            else
            {
                var y = l.Top + l.PlotHeight - (scale(tick) * l.PlotHeight);
                svg.Line(l.Left, y, l.Left + l.PlotWidth, y, Grid);
                svg.Text(l.Left - 6, y + 4, label, "end", 11, "#555555");
            }
        }

        if (l.Horizontal)
        {
            svg.Line(l.Left, l.Top, l.Left, l.Top + l.PlotHeight, Axis);
            svg.Text(l.Left + (l.PlotWidth / 2), l.Top + l.PlotHeight + 38, chart.ValueLabel, "middle", 12, Axis);
        }
        else
        {
            svg.Line(l.Left, l.Top + l.PlotHeight, l.Left + l.PlotWidth, l.Top + l.PlotHeight, Axis);
            svg.Text(18, l.Top + (l.PlotHeight / 2), chart.ValueLabel, "middle", 12, Axis, rotate: -90);
        }
    }

    private static void DrawBars(SvgWriter svg, BarChart chart, Layout l, List<string> colors, Func<double, double> scale)
    {
        var slots = chart.Stacked ? 1 : Math.Max(1, chart.Series.Count);
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            var category = chart.Categories[c];
            var bandStart = (l.Horizontal ? l.Top : l.Left) + (c * l.Band);
            var group = Math.Min(l.Band * (l.Horizontal ? 0.8 : 0.7), slots * (l.Horizontal ? 18 : 64));
            var slot = group / slots;
            DrawCategoryLabel(svg, l, category, bandStart + (l.Band / 2));
            var stack = 0.0;
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var series = chart.Series[s];
                if (series.Values.ElementAtOrDefault(c) is not { } value)
                {
                    continue;
                }

                // Stacked segments pile up from 0; the scale clamps whatever lies below ValueMin.
                var from = chart.Stacked ? stack : chart.ValueMin;
                var to = chart.Stacked ? stack + value : value;
                stack = chart.Stacked ? to : stack;
                var offset = bandStart + ((l.Band - group) / 2) + ((chart.Stacked ? 0 : s) * slot);
                var text = value.ToString(chart.ValueFormat, CultureInfo.InvariantCulture);
                var error = series.Errors?.ElementAtOrDefault(c);
                var tooltip = $"{category} · {series.Name}: {text}" + (error is { } e ? $" (95% interval {Format(chart, e.Low)} to {Format(chart, e.High)})" : string.Empty);
                DrawBar(svg, l, scale(from), scale(to), offset, slot, colors[s], tooltip);
                if (error is { } whisker)
                {
                    DrawWhisker(svg, l, scale(whisker.Low), scale(whisker.High), offset + (slot / 2), slot);
                }

                if (chart.ShowValues)
                {
                    DrawValue(svg, l, scale(Math.Max(to, error?.High ?? to)), offset + (slot / 2), text);
                }
            }
        }
    }

    private static void DrawBar(SvgWriter svg, Layout l, double from, double to, double offset, double slot, string color, string tooltip)
    {
        var inset = Math.Min(2, slot * 0.1);
        if (l.Horizontal)
        {
            svg.Rect(l.Left + (from * l.PlotWidth), offset + inset, (to - from) * l.PlotWidth, slot - (2 * inset), color, tooltip, "bar");
        }
        else
        {
            var y = l.Top + l.PlotHeight - (to * l.PlotHeight);
            svg.Rect(offset + inset, y, slot - (2 * inset), (to - from) * l.PlotHeight, color, tooltip, "bar");
        }
    }

    private static void DrawWhisker(SvgWriter svg, Layout l, double low, double high, double center, double slot)
    {
        var cap = Math.Min(8, slot * 0.4);
        if (l.Horizontal)
        {
            double x1 = l.Left + (low * l.PlotWidth), x2 = l.Left + (high * l.PlotWidth);
            svg.Line(x1, center, x2, center, "#111111", 1.5);
            svg.Line(x1, center - (cap / 2), x1, center + (cap / 2), "#111111", 1.5);
            svg.Line(x2, center - (cap / 2), x2, center + (cap / 2), "#111111", 1.5);
        }
        else
        {
            double y1 = l.Top + l.PlotHeight - (low * l.PlotHeight), y2 = l.Top + l.PlotHeight - (high * l.PlotHeight);
            svg.Line(center, y1, center, y2, "#111111", 1.5);
            svg.Line(center - (cap / 2), y1, center + (cap / 2), y1, "#111111", 1.5);
            svg.Line(center - (cap / 2), y2, center + (cap / 2), y2, "#111111", 1.5);
        }
    }

    private static void DrawValue(SvgWriter svg, Layout l, double end, double center, string text)
    {
        if (l.Horizontal)
        {
            svg.Text(l.Left + (end * l.PlotWidth) + 4, center + 4, text, size: 11);
        }
        else
        {
            svg.Text(center, l.Top + l.PlotHeight - (end * l.PlotHeight) - 4, text, "middle", 11);
        }
    }

    private static void DrawCategoryLabel(SvgWriter svg, Layout l, string category, double center)
    {
        var label = TextFit.Shorten(category, l.Horizontal ? 36 : 24);
        var tooltip = label == category ? null : category;
        if (l.Horizontal)
        {
            svg.Text(l.Left - 8, center + 4, label, "end", tooltip: tooltip);
        }
        else if (l.RotateLabels)
        {
            svg.Text(center, l.Top + l.PlotHeight + 14, label, "end", rotate: -35, tooltip: tooltip);
        }
        else
        {
            svg.Text(center, l.Top + l.PlotHeight + 18, label, "middle", tooltip: tooltip);
        }
    }

    private static void DrawReferenceLines(SvgWriter svg, BarChart chart, Layout l, Func<double, double> scale)
    {
        foreach (var line in chart.ReferenceLines)
        {
            var at = scale(line.Value);
            if (l.Horizontal)
            {
                var x = l.Left + (at * l.PlotWidth);
                svg.Line(x, l.Top - 6, x, l.Top + l.PlotHeight, "#111111", 1.2, "6 4");
                svg.Text(x, l.Top - 9, line.Label, "middle", 11);
            }
            else
            {
                var y = l.Top + l.PlotHeight - (at * l.PlotHeight);
                svg.Line(l.Left, y, l.Left + l.PlotWidth + 4, y, "#111111", 1.2, "6 4");
                svg.Text(l.Left + l.PlotWidth + 6, y + 4, line.Label, size: 11);
            }
        }
    }

    private static string Format(BarChart chart, double value) => value.ToString(chart.ValueFormat, CultureInfo.InvariantCulture);

    private sealed record Layout(bool Horizontal, double Left, double Top, double PlotWidth, double PlotHeight, double Height, double Band, bool RotateLabels);
}
