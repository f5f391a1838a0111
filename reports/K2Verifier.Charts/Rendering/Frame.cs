using K2Verifier.Charts.Svg;

namespace K2Verifier.Charts.Rendering;

/// <summary>The parts every chart shares: title, subtitle and legend at the top; returns where the plot may start.</summary>
internal static class Frame
{
    public const double Width = 800;

    /// <summary>Draws title, subtitle and the legend (wrapping); returns the y below them.</summary>
    public static double Header(SvgWriter svg, ChartSpec spec, IReadOnlyList<(string Name, string Color, bool Line)> legend)
    {
        svg.Text(16, 26, spec.Title, size: 16, weight: "600");
        var y = 30.0;
        if (spec.Subtitle is { } subtitle)
        {
            svg.Text(16, 46, subtitle, size: 12, fill: "#555555");
            y = 50;
        }

        if (legend.Count == 0)
        {
            return y + 8;
        }

        var x = 16.0;
        y += 18;
        foreach (var (name, color, line) in legend)
        {
            var label = TextFit.Shorten(name, 64);
            var width = 18 + TextFit.Width(label) + 18;
            if (x + width > Width - 16 && x > 16)
            {
                x = 16;
                y += 18;
            }

            if (line)
            {
                svg.Line(x, y - 4, x + 14, y - 4, color, 3);
            }
            else
            {
                svg.Rect(x, y - 10, 12, 12, color);
            }

            svg.Text(x + 18, y, label, tooltip: label == name ? null : name);
            x += width;
        }

        return y + 14;
    }

    /// <summary>The colour of each series: its own, else the palette's next.</summary>
    public static string ColorOf(string? own, int index) => own ?? Palette.At(index);
}
