using static System.FormattableString;
using K2Verifier.Charts;
using K2Verifier.Reports.Model;

namespace K2Verifier.Reports.Charts;

/// <summary>
/// The report's charts as data (<see cref="ChartSpec"/>s), derived only from the report model: each run keeps its
/// palette colour across charts. A chart with nothing to show (no baseline, no categories, no history) is left out.
/// </summary>
public static partial class ReportCharts
{
    /// <summary>Every chart that has data, in the order the HTML page shows them.</summary>
    public static IReadOnlyList<ChartSpec> Build(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. new ChartSpec?[]
        {
            FinishReasons(model), TriggerMetrics(model), SchemaAccuracy(model), ErrorCategories(model), CategoryF1(model),
            LatencyCdf(model), Trend(model), WireFindings(model),
        }.OfType<ChartSpec>()];
    }

    /// <summary>Share of each finish_reason (and of failed requests) per run, stacked to 100%.</summary>
    public static BarChart FinishReasons(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var others = model.Runs.SelectMany(r => r.Summary.FinishOthersDetail.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var series = new List<BarSeries>
        {
            Share(model, "tool_calls", Palette.BluishGreen, s => s.FinishToolCalls),
            Share(model, "stop", Palette.Blue, s => s.FinishStop),
        };
        var otherColors = new[] { Palette.Orange, Palette.ReddishPurple, Palette.SkyBlue, Palette.Yellow, Palette.Black };
        series.AddRange(others.Select((name, i) => Share(model, name, otherColors[i % otherColors.Length], s => s.FinishOthersDetail.GetValueOrDefault(name))));
        var noReason = model.Runs.Select(r => r.Summary.SuccessCount - r.Summary.FinishStop - r.Summary.FinishToolCalls - r.Summary.FinishOthers).ToList();
        if (noReason.Any(n => n > 0))
        {
            series.Add(Share(model, "no finish_reason", Palette.Grey, s => s.SuccessCount - s.FinishStop - s.FinishToolCalls - s.FinishOthers));
        }

        series.Add(Share(model, "failed request", Palette.Vermillion, s => s.FailureCount));
        return new BarChart
        {
            Id = "finish-reasons",
            Title = "finish_reason mix per run",
            Subtitle = "Share of requests by finish_reason; failed requests have none",
            ValueLabel = "share of requests (%)",
            ValueFormat = "0.#",
            Categories = Labels(model),
            Series = series,
            Stacked = true,
            ValueMax = 100,
        };
    }

    /// <summary>Precision, recall and F1 of tool-call triggering per run with 95% intervals and the published acceptance line; null without a baseline.</summary>
    public static BarChart? TriggerMetrics(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Runs.All(r => r.Summary.Tp is null))
        {
            return null;
        }

        BarSeries Metric(string name, string key, string color, Func<Metrics.RunSummary, double?> value) =>
            new(name, [.. model.Runs.Select(r => value(r.Summary))], [.. model.Runs.Select(r => Error(r, key))], color);
        return new BarChart
        {
            Id = "trigger-metrics",
            Title = "Tool-call trigger precision, recall and F1 per run",
            Subtitle = "Against the baseline; whiskers: 95% intervals (Wilson; bootstrap for F1)" + AcceptanceNote(model, string.Empty),
            ValueLabel = "score (0 to 1)",
            ValueFormat = "0.00",
            Categories = Labels(model),
            Series =
            [
                Metric("precision", "tool_call_precision", Palette.SkyBlue, s => s.ToolCallPrecision),
                Metric("recall", "tool_call_recall", Palette.Orange, s => s.ToolCallRecall),
                Metric("F1", "tool_call_f1", Palette.Blue, s => s.ToolCallF1),
            ],
            ValueMax = 1,
            ReferenceLines = AcceptanceLine(model),
        };
    }

    /// <summary>Schema accuracy of each run beside the published providers of the matching K2VV table, best first; null when nothing has one.</summary>
    public static BarChart? SchemaAccuracy(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entries = model.Runs.Where(r => r.Summary.SchemaAccuracy is not null)
            .Select(r => (Name: r.Label, Value: r.Summary.SchemaAccuracy!.Value, IsRun: true, Error: Error(r, "schema_accuracy")))
            .Concat(model.PublishedVendors.Select(v => (Name: $"{v.Provider} (published)", Value: v.SchemaAccuracy, IsRun: false, Error: (ErrorBar?)null)))
            .OrderByDescending(e => e.Value).ThenBy(e => e.IsRun ? 0 : 1).ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        if (entries.Count == 0)
        {
            return null;
        }

        var lowest = entries.Min(e => Math.Min(e.Value, e.Error?.Low ?? e.Value));
        var floor = lowest >= 0.5 ? Math.Floor((lowest - 0.005) * 20) / 20 : 0;
        var publishedName = model.PublishedVendors.Count > 0 ? $"published by K2VV ({model.PublishedVendors[0].Model}, {model.PublishedVendors[0].TestDate})" : "published by K2VV";
        return new BarChart
        {
            Id = "schema-accuracy",
            Title = "Schema accuracy beside the published providers",
            Subtitle = "Valid tool-call responses / responses finishing with tool_calls; whiskers: 95% Wilson interval" + (floor > 0 ? Invariant($"; axis starts at {floor:0%}") : string.Empty),
            ValueLabel = "schema accuracy",
            ValueFormat = "0.0%",
            Categories = [.. entries.Select(e => e.Name)],
            Series =
            [
                new BarSeries("this report", [.. entries.Select(e => e.IsRun ? e.Value : (double?)null)], [.. entries.Select(e => e.Error)], Palette.Blue),
                new BarSeries(publishedName, [.. entries.Select(e => e.IsRun ? (double?)null : e.Value)], null, Palette.Grey),
            ],
            Stacked = true,
            Horizontal = true,
            ValueMin = floor,
            ValueMax = 1,
            ShowValues = true,
        };
    }

    private static string AcceptanceNote(ReportModel model, string suffix) =>
        model.AcceptanceF1 is { } a ? Invariant($"; dashed: K2VV acceptance F1 ≥ {a:0.00}{suffix}") : string.Empty;

    private static List<ReferenceLine> AcceptanceLine(ReportModel model) =>
        model.AcceptanceF1 is { } line ? [new ReferenceLine(line, Invariant($"acceptance {line:0.00}"))] : [];

    private static BarSeries Share(ReportModel model, string name, string color, Func<Metrics.RunSummary, int> count) =>
        new(name, [.. model.Runs.Select(r => r.Summary.TotalRows == 0 ? 0 : Math.Round(100.0 * count(r.Summary) / r.Summary.TotalRows, 2))], null, color);

    private static ErrorBar? Error(ReportRun run, string metric) =>
        run.Summary.Intervals.GetValueOrDefault(metric) is { } i ? new ErrorBar(i.Low, i.High) : null;

    private static List<string> Labels(ReportModel model) => [.. model.Runs.Select(r => r.Label)];
}
