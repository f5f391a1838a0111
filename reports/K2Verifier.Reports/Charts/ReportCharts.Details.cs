using static System.FormattableString;
using K2Verifier.Charts;
using K2Verifier.Reports.Model;

namespace K2Verifier.Reports.Charts;

/// <summary>The charts that break a run down: error categories, F1 by dataset category, latency and the trend.</summary>
public static partial class ReportCharts
{
    private const int CdfPoints = 200;

    /// <summary>Invalid tool calls by category and failed requests by category, per run; null when there are none.</summary>
    public static BarChart? ErrorCategories(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var invalid = model.InvalidCallCategories;
        var failed = model.FailureCategories;
        if (invalid.Count + failed.Count == 0)
        {
            return null;
        }

        var categories = invalid.Select(c => $"invalid call: {c}").Concat(failed.Select(c => $"failed request: {c}")).ToList();
        return new BarChart
        {
            Id = "error-categories",
            Title = "Invalid tool calls and failed requests by category",
            Subtitle = "Invalid calls are counted per call, failed requests per request",
            ValueLabel = "count",
            ValueFormat = "0",
            Categories = categories,
            Series = [.. model.Runs.Select((r, i) => new BarSeries(
                r.Label,
                [.. invalid.Select(c => (double?)r.Summary.ErrorCategories.GetValueOrDefault(c)).Concat(failed.Select(c => (double?)r.Summary.FailureCategories.GetValueOrDefault(c)))],
                null,
                Palette.At(i)))],
            Horizontal = true,
            ShowValues = true,
        };
    }

    /// <summary>tool_call_f1 per dataset category and run, with bootstrap intervals; null when the baseline has no categories.</summary>
    public static BarChart? CategoryF1(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var categories = model.DatasetCategories.Where(c => model.Runs.Any(r => r.Summary.Categories.GetValueOrDefault(c)?.ToolCallF1 is not null)).ToList();
        var undefined = model.DatasetCategories.Except(categories, StringComparer.Ordinal).ToList();
        if (categories.Count == 0)
        {
            return null;
        }

        return new BarChart
        {
            Id = "category-f1",
            Title = "Tool-call F1 by dataset category",
            Subtitle = "Whiskers: 95% bootstrap intervals" + AcceptanceNote(model, string.Empty)
                + (undefined.Count == 0 ? string.Empty : $"; no F1 (undefined) for: {string.Join(", ", undefined)}"),
            ValueLabel = "tool_call_f1",
            ValueFormat = "0.00",
            Categories = categories,
            Series = [.. model.Runs.Select((r, i) => new BarSeries(
                r.Label,
                [.. categories.Select(c => r.Summary.Categories.GetValueOrDefault(c)?.ToolCallF1)],
                [.. categories.Select(c => r.Summary.Categories.GetValueOrDefault(c)?.ToolCallF1Interval is { } iv ? new ErrorBar(iv.Low, iv.High) : (ErrorBar?)null)],
                Palette.At(i)))],
            Horizontal = true,
            ValueMax = 1,
            ReferenceLines = AcceptanceLine(model),
        };
    }

    /// <summary>
    /// The empirical CDF of duration_ms per run (at most 200 points each, at evenly spaced ranks), for the runs whose
    /// durations were measured (at least half of their rows above 0 ms: simulated runs answer in no measurable time, and
    /// a flat 0 ms line says nothing); null when no run has any.
    /// </summary>
    public static LineChart? LatencyCdf(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var timed = model.Runs.Select((r, i) => (Run: r, Color: Palette.At(i))).Where(x => HasDurations(x.Run)).ToList();
        if (timed.Count == 0)
        {
            return null;
        }

        var untimed = model.Runs.Where(r => !HasDurations(r)).Select(r => r.Label).ToList();
        return new LineChart
        {
            Id = "latency-cdf",
            Title = "Request duration distribution (CDF)",
            Subtitle = "Share of requests finished within a duration, retries included"
                + (untimed.Count == 0 ? string.Empty : $"; no durations measured for: {string.Join(", ", untimed)}"),
            ValueLabel = "share of requests",
            ValueFormat = "0%",
            XLabel = "duration_ms",
            XFormat = "#,0",
            Series = [.. timed.Select(x => new LineSeries(x.Run.Label, Cdf(x.Run.Rows.Select(row => row.DurationMs)), x.Color))],
            LogX = true,
            Step = true,
            YMin = 0,
            YMax = 1,
        };
    }

    /// <summary>tool_call_f1, schema accuracy and success rate over the history folder's summaries (oldest first); null without history.</summary>
    public static LineChart? Trend(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.History.Count == 0)
        {
            return null;
        }

        LineSeries Metric(string name, string color, Func<HistoryPoint, double?> value) =>
            new(name, [.. model.History.Select((p, i) => (Point: p, Index: i)).Where(x => value(x.Point) is not null).Select(x => new ChartPoint(x.Index, value(x.Point)!.Value))], color);
        return new LineChart
        {
            Id = "trend",
            Title = "Trend over earlier runs",
            Subtitle = Invariant($"{model.History.Count} summaries ordered by eval_started_at"),
            ValueLabel = "score (0 to 1)",
            ValueFormat = "0.00",
            XLabel = "run start",
            XLabels = [.. model.History.Select(p => p.Label)],
            Series =
            [
                Metric("tool_call_f1", Palette.Blue, p => p.ToolCallF1),
                Metric("schema_accuracy", Palette.BluishGreen, p => p.SchemaAccuracy),
                Metric("success rate", Palette.Orange, p => p.SuccessRate),
            ],
            Markers = true,
            YMax = 1,
            ReferenceLines = AcceptanceLine(model),
        };
    }

    private static bool HasDurations(ReportRun run) => run.Rows.Count > 0 && run.Rows.Count(row => row.DurationMs > 0) * 2 >= run.Rows.Count;

    /// <summary>Points (duration, share finished) at up to <see cref="CdfPoints"/> evenly spaced ranks, always including the last.</summary>
    internal static IReadOnlyList<ChartPoint> Cdf(IEnumerable<long> durations)
    {
        var sorted = durations.Select(d => Math.Max(1, d)).Order().ToList();
        if (sorted.Count == 0)
        {
            return [];
        }

        var step = Math.Max(1, (int)Math.Ceiling(sorted.Count / (double)CdfPoints));
        var ranks = Enumerable.Range(0, sorted.Count).Where(i => (i + 1) % step == 0 || i == sorted.Count - 1);
        return [.. ranks.Select(i => new ChartPoint(sorted[i], Math.Round((i + 1) / (double)sorted.Count, 6)))];
    }
}
