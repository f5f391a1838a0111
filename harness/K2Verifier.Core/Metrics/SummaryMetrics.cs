namespace K2Verifier.Metrics;

/// <summary>
/// The numeric metrics of a <see cref="RunSummary"/> by the names gates use (summary.json's keys; nested ones with a
/// dot: <c>usage.total_tokens</c>, <c>latency_ms.p99</c>, <c>intervals.tool_call_f1.low</c>,
/// <c>error_categories.schema_violation</c>, <c>categories.NAME.tool_call_f1</c>).
/// </summary>
public static class SummaryMetrics
{
    private static readonly string[] Fixed =
    [
        "success_count", "failure_count", "finish_stop", "finish_tool_calls", "finish_others", "schema_validation_error_count",
        "successful_tool_call_count", "schema_accuracy", "tp", "fp", "fn", "tn", "tool_call_precision", "tool_call_recall",
        "tool_call_f1", "total_rows", "skipped_lines", "unreadable_rows", "attempts_total", "retried_requests", "requests_per_second",
        "eval_duration_ms", "usage.prompt_tokens", "usage.completion_tokens", "usage.total_tokens",
        "latency_ms.p50", "latency_ms.p90", "latency_ms.p99", "latency_ms.mean", "latency_ms.max",
        "ttft_ms.p50", "ttft_ms.p90", "ttft_ms.p99", "ttft_ms.mean", "ttft_ms.max",
        "intervals.tool_call_f1.low", "intervals.tool_call_f1.high", "intervals.schema_accuracy.low", "intervals.schema_accuracy.high",
        "wire.errors", "wire.warnings", "wire.infos", "wire.rows_with_findings", "wire.rows_with_errors", "wire.leaked_markers",
        "wire.length_calls", "wire.length_calls_cut_off",
        "intervals.tool_call_precision.low", "intervals.tool_call_precision.high", "intervals.tool_call_recall.low", "intervals.tool_call_recall.high",
    ];

    private static readonly string[] OpenPrefixes = ["error_categories.", "failure_categories.", "finish_others_detail.", "categories.", "wire.codes."];

    /// <summary>Groups of counters: a name in them that a summary lacks counted nothing, so gates read it as 0.</summary>
    public static IReadOnlyList<string> CountPrefixes { get; } = ["error_categories.", "failure_categories.", "finish_others_detail.", "wire.codes.", "suites."];

    /// <summary>Every fixed metric name, for error messages.</summary>
    public static IReadOnlyList<string> Names => Fixed;

    /// <summary>True when <paramref name="name"/> is a metric a summary can have.</summary>
    public static bool IsKnown(string name) =>
        Fixed.Contains(name, StringComparer.Ordinal) || OpenPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal) && name.Length > p.Length) || SuiteMetrics.IsKnown(name);

    /// <summary>
    /// Why <paramref name="name"/> cannot be had from a summary without a baseline (trigger similarity: tp, fp, fn, tn,
    /// precision, recall, F1 and their intervals, overall or by category), or null when it can.
    /// </summary>
    public static string? Unavailable(RunSummary summary, string name)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(name);
        if (SuiteMetrics.IsKnown(name))
        {
            return SuiteMetrics.Unavailable(summary, name);
        }

        var leaf = name.Split('.') switch
        {
            ["intervals", var metric, _] => metric,
            ["categories", .., var metric] => metric,
            [var metric] => metric,
            _ => string.Empty,
        };
        var needsBaseline = leaf is "tp" or "fp" or "fn" or "tn" || leaf.StartsWith("tool_call_", StringComparison.Ordinal);
        return needsBaseline && summary.Baseline is null
            ? $"{name} needs a baseline: give --baseline FILE (an official results.jsonl or an expected.jsonl)"
            : null;
    }

    /// <summary>The summary's metrics by name (undefined ones present as null; absent counters in open groups read as 0 by gates).</summary>
    public static IReadOnlyDictionary<string, double?> Flatten(RunSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var m = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["success_count"] = s.SuccessCount,
            ["failure_count"] = s.FailureCount,
            ["finish_stop"] = s.FinishStop,
            ["finish_tool_calls"] = s.FinishToolCalls,
            ["finish_others"] = s.FinishOthers,
            ["schema_validation_error_count"] = s.SchemaValidationErrorCount,
            ["successful_tool_call_count"] = s.SuccessfulToolCallCount,
            ["schema_accuracy"] = s.SchemaAccuracy,
            ["tp"] = s.Tp,
            ["fp"] = s.Fp,
            ["fn"] = s.Fn,
            ["tn"] = s.Tn,
            ["tool_call_precision"] = s.ToolCallPrecision,
            ["tool_call_recall"] = s.ToolCallRecall,
            ["tool_call_f1"] = s.ToolCallF1,
            ["total_rows"] = s.TotalRows,
            ["skipped_lines"] = s.SkippedLines,
            ["unreadable_rows"] = s.UnreadableRows,
            ["attempts_total"] = s.AttemptsTotal,
            ["retried_requests"] = s.RetriedRequests,
            ["requests_per_second"] = s.RequestsPerSecond,
            ["eval_duration_ms"] = s.EvalDurationMs,
            ["usage.prompt_tokens"] = s.Usage.PromptTokens,
            ["usage.completion_tokens"] = s.Usage.CompletionTokens,
            ["usage.total_tokens"] = s.Usage.TotalTokens,
        };
        AddLatency(m, "latency_ms", s.LatencyMs);
        AddLatency(m, "ttft_ms", s.TtftMs);
        foreach (var (name, interval) in s.Intervals)
        {
            m[$"intervals.{name}.low"] = interval?.Low;
            m[$"intervals.{name}.high"] = interval?.High;
        }

        AddCounts(m, "error_categories", s.ErrorCategories);
        AddCounts(m, "failure_categories", s.FailureCategories);
        AddCounts(m, "finish_others_detail", s.FinishOthersDetail);
        m["wire.errors"] = s.Wire.Errors;
        m["wire.warnings"] = s.Wire.Warnings;
        m["wire.infos"] = s.Wire.Infos;
        m["wire.rows_with_findings"] = s.Wire.RowsWithFindings;
        m["wire.rows_with_errors"] = s.Wire.RowsWithErrors;
        m["wire.leaked_markers"] = s.Wire.LeakedMarkers;
        m["wire.length_calls"] = s.Wire.LengthCalls;
        m["wire.length_calls_cut_off"] = s.Wire.LengthCallsCutOff;
        AddCounts(m, "wire.codes", s.Wire.Codes);
        SuiteMetrics.Add(m, s.Suites);
        foreach (var (category, c) in s.Categories)
        {
            m[$"categories.{category}.tool_call_f1"] = c.ToolCallF1;
            m[$"categories.{category}.schema_accuracy"] = c.SchemaAccuracy;
            m[$"categories.{category}.tool_call_precision"] = c.ToolCallPrecision;
            m[$"categories.{category}.tool_call_recall"] = c.ToolCallRecall;
        }

        return m;
    }

    private static void AddLatency(Dictionary<string, double?> m, string prefix, LatencyStats? stats)
    {
        m[$"{prefix}.p50"] = stats?.P50;
        m[$"{prefix}.p90"] = stats?.P90;
        m[$"{prefix}.p99"] = stats?.P99;
        m[$"{prefix}.mean"] = stats?.Mean;
        m[$"{prefix}.max"] = stats?.Max;
    }

    private static void AddCounts(Dictionary<string, double?> m, string prefix, IReadOnlyDictionary<string, int> counts)
    {
        foreach (var (key, value) in counts)
        {
            m[$"{prefix}.{key}"] = value;
        }
    }
}
