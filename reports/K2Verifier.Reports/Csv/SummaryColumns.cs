using K2Verifier.Metrics;
using K2Verifier.Reports.Model;

namespace K2Verifier.Reports.Csv;

/// <summary>The columns of summary.csv, in order: a name (unit in the name) and how to read it from a run.</summary>
internal static class SummaryColumns
{
    public static IReadOnlyList<(string Name, Func<ReportRun, object?> Value)> All { get; } =
    [
        ("run", r => r.Label),
        ("source", r => r.Source),
        ("model", r => r.Summary.Model),
        ("endpoint", r => r.Summary.Run.Endpoint),
        ("eval_started_at", r => r.Summary.EvalStartedAt),
        ("total_rows", r => r.Summary.TotalRows),
        ("success_count", r => r.Summary.SuccessCount),
        ("failure_count", r => r.Summary.FailureCount),
        ("finish_stop", r => r.Summary.FinishStop),
        ("finish_tool_calls", r => r.Summary.FinishToolCalls),
        ("finish_others", r => r.Summary.FinishOthers),
        ("successful_tool_call_count", r => r.Summary.SuccessfulToolCallCount),
        ("schema_validation_error_count", r => r.Summary.SchemaValidationErrorCount),
        ("schema_accuracy", r => r.Summary.SchemaAccuracy),
        ("schema_accuracy_low", r => Low(r, "schema_accuracy")),
        ("schema_accuracy_high", r => High(r, "schema_accuracy")),
        ("tp", r => r.Summary.Tp),
        ("fp", r => r.Summary.Fp),
        ("fn", r => r.Summary.Fn),
        ("tn", r => r.Summary.Tn),
        ("tool_call_precision", r => r.Summary.ToolCallPrecision),
        ("tool_call_precision_low", r => Low(r, "tool_call_precision")),
        ("tool_call_precision_high", r => High(r, "tool_call_precision")),
        ("tool_call_recall", r => r.Summary.ToolCallRecall),
        ("tool_call_recall_low", r => Low(r, "tool_call_recall")),
        ("tool_call_recall_high", r => High(r, "tool_call_recall")),
        ("tool_call_f1", r => r.Summary.ToolCallF1),
        ("tool_call_f1_low", r => Low(r, "tool_call_f1")),
        ("tool_call_f1_high", r => High(r, "tool_call_f1")),
        ("latency_p50_ms", r => r.Summary.LatencyMs?.P50),
        ("latency_p90_ms", r => r.Summary.LatencyMs?.P90),
        ("latency_p99_ms", r => r.Summary.LatencyMs?.P99),
        ("latency_mean_ms", r => r.Summary.LatencyMs?.Mean),
        ("latency_max_ms", r => r.Summary.LatencyMs?.Max),
        ("ttft_p50_ms", r => r.Summary.TtftMs?.P50),
        ("ttft_p90_ms", r => r.Summary.TtftMs?.P90),
        ("ttft_p99_ms", r => r.Summary.TtftMs?.P99),
        ("prompt_tokens", r => r.Summary.Usage.PromptTokens),
        ("completion_tokens", r => r.Summary.Usage.CompletionTokens),
        ("total_tokens", r => r.Summary.Usage.TotalTokens),
        ("attempts_total", r => r.Summary.AttemptsTotal),
        ("retried_requests", r => r.Summary.RetriedRequests),
        ("unreadable_rows", r => r.Summary.UnreadableRows),
        ("eval_duration_ms", r => r.Summary.EvalDurationMs),
        ("requests_per_second", r => r.Summary.RequestsPerSecond),
        ("published_table", r => r.Summary.Published?.Table),
        ("acceptance_f1", r => r.Summary.Published?.AcceptanceF1),
        ("passes_acceptance_f1", r => r.Summary.Published?.PassesAcceptanceF1),
        ("schema_accuracy_rank", r => r.Summary.Published?.SchemaAccuracyRank),
        ("gates_failed", r => r.Gates.Count == 0 ? null : r.Gates.Count(g => !g.Passed)),
        ("wire_errors", r => r.Summary.Wire.Errors),
        ("wire_warnings", r => r.Summary.Wire.Warnings),
        ("wire_infos", r => r.Summary.Wire.Infos),
        ("wire_rows_with_findings", r => r.Summary.Wire.RowsWithFindings),
        ("wire_leaked_markers", r => r.Summary.Wire.LeakedMarkers),
        ("wire_length_calls", r => r.Summary.Wire.LengthCalls),
        ("wire_length_calls_cut_off", r => r.Summary.Wire.LengthCallsCutOff),
    ];

    private static double? Low(ReportRun run, string metric) => run.Summary.Intervals.GetValueOrDefault(metric)?.Low;

    private static double? High(ReportRun run, string metric) => run.Summary.Intervals.GetValueOrDefault(metric)?.High;
}
