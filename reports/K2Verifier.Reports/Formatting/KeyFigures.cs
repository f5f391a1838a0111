using K2Verifier.Metrics;

namespace K2Verifier.Reports.Formatting;

/// <summary>The key figures of a run as (name, display value) pairs: the rows of the Markdown table and of the HTML summary cards.</summary>
internal static class KeyFigures
{
    public static IReadOnlyList<(string Name, string Value)> Of(RunSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var figures = new List<(string, string)>
        {
            ("model", s.Model ?? Display.None),
            ("requests", Display.Count(s.TotalRows)),
            ("succeeded / failed", $"{Display.Count(s.SuccessCount)} / {Display.Count(s.FailureCount)}"),
            ("finish stop / tool_calls / other", $"{Display.Count(s.FinishStop)} / {Display.Count(s.FinishToolCalls)} / {Display.Count(s.FinishOthers)}"),
            ("schema accuracy", Display.PercentWithInterval(s.SchemaAccuracy, s.Intervals.GetValueOrDefault("schema_accuracy"))),
            ("invalid tool-call responses", Display.Count(s.SchemaValidationErrorCount)),
        };
        if (s.Tp is not null)
        {
            figures.Add(("trigger F1", Display.PercentWithInterval(s.ToolCallF1, s.Intervals.GetValueOrDefault("tool_call_f1"))));
            figures.Add(("trigger precision", Display.PercentWithInterval(s.ToolCallPrecision, s.Intervals.GetValueOrDefault("tool_call_precision"))));
            figures.Add(("trigger recall", Display.PercentWithInterval(s.ToolCallRecall, s.Intervals.GetValueOrDefault("tool_call_recall"))));
            figures.Add(("TP / FP / FN / TN", $"{Display.Count(s.Tp)} / {Display.Count(s.Fp)} / {Display.Count(s.Fn)} / {Display.Count(s.Tn)}"));
        }

        figures.Add(("latency p50 / p90 / p99", Display.Latency(s.LatencyMs)));
        if (s.TtftMs is not null)
        {
            figures.Add(("TTFT p50 / p90 / p99", Display.Latency(s.TtftMs)));
        }

        figures.Add(("tokens prompt / completion", $"{Display.Count(s.Usage.PromptTokens)} / {Display.Count(s.Usage.CompletionTokens)}"));
        if (s.Published is { } p)
        {
            figures.Add(($"published {p.Table}: schema accuracy rank", p.SchemaAccuracyRank is { } rank ? $"{Display.Count(rank)} of {Display.Count(p.Providers + 1)}" : Display.None));
            figures.Add(($"published {p.Table}: F1 ≥ {Display.Fraction(p.AcceptanceF1)}", Display.YesNo(p.PassesAcceptanceF1)));
        }

        return figures;
    }
}
