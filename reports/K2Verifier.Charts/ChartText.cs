using K2Verifier.Charts.Fonts;

namespace K2Verifier.Charts;

/// <summary>
/// The text a rendered chart must show: title, subtitle lines, axis labels, category and x labels, series names and
/// reference-line labels. <see cref="ChartRenderer"/> checks every rendering against it, so text never vanishes silently.
/// </summary>
public static class ChartText
{
    /// <summary>The widest a subtitle line may be, in pixels at <see cref="SubtitleSize"/>.</summary>
    public const float SubtitleWidth = ChartRenderer.Width - 60;

    /// <summary>The subtitle's font size in pixels.</summary>
    public const float SubtitleSize = 12;

    /// <summary>Every text of <paramref name="chart"/> that its SVG must contain as a text element.</summary>
    public static IReadOnlyList<string> Labels(ChartSpec chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var labels = new List<string> { chart.Title, chart.ValueLabel };
        labels.AddRange(SubtitleLines(chart));
        switch (chart)
        {
            case BarChart bar:
                labels.AddRange(bar.Categories);
                labels.AddRange(bar.Series.Select(s => s.Name));
                labels.AddRange(bar.ReferenceLines.Select(r => r.Label));
                break;
            case LineChart line:
                labels.Add(XLabel(line));
                labels.AddRange(line.XLabels ?? []);
                labels.AddRange(line.Series.Where(s => s.Points.Count > 0).Select(s => s.Name));
                labels.AddRange(line.ReferenceLines.Select(r => r.Label));
                break;
        }

        return [.. labels.Where(l => l.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The subtitle word-wrapped to <see cref="SubtitleWidth"/>; joined with spaces the lines give the subtitle back.</summary>
    public static IReadOnlyList<string> SubtitleLines(ChartSpec chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (string.IsNullOrWhiteSpace(chart.Subtitle))
        {
            return [];
        }

        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in chart.Subtitle.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && ChartTypeface.Measure(candidate, SubtitleSize) > SubtitleWidth)
            {
                lines.Add(line);
                candidate = word;
            }

            line = candidate;
        }

        lines.Add(line);
        return lines;
    }

    /// <summary>The x axis label as drawn (a logarithmic axis says so).</summary>
    public static string XLabel(LineChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart.LogX ? $"{chart.XLabel} (log scale)" : chart.XLabel;
    }
}
