using System.Globalization;
using K2Verifier.Baselines;
using K2Verifier.Published;
using K2Verifier.Results;

namespace K2Verifier.Metrics;

/// <summary>
/// Computes a <see cref="RunSummary"/> from row outcomes with K2VV's counting rules: success/failure by status;
/// <c>stop</c>, <c>tool_calls</c> and every other non-null finish_reason tallied apart; among tool_calls rows,
/// <c>tool_calls_valid</c> true counts as successful and anything else (false, or K2VV's null for an empty list) as a
/// schema validation error. Rows repeated for a data_index count once (the latest <c>last_run_at</c>).
/// </summary>
public static class MetricsCalculator
{
    /// <summary>Summarises <paramref name="outcomes"/> with <paramref name="run"/>'s metadata.</summary>
    public static RunSummary Calculate(IEnumerable<CaseOutcome> outcomes, RunInfo run, int unreadableRows = 0, Baseline? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(run);
        var rows = Latest(outcomes);
        var others = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var errorCategories = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failureCategories = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int success = 0, stop = 0, toolCalls = 0, valid = 0, invalid = 0;
        long prompt = 0, completion = 0, total = 0;
        foreach (var row in rows)
        {
            if (row.IsSuccess)
            {
                success++;
            }
            else
            {
                Increment(failureCategories, row.ErrorCategory ?? "failed");
            }

            switch (row.FinishReason)
            {
                case "stop":
                    stop++;
                    break;
                case "tool_calls":
                    toolCalls++;
                    if (row.ToolCallsValid == true)
                    {
                        valid++;
                    }
                    else
                    {
                        invalid++;
                    }

                    break;
                case { } other:
                    Increment(others, other);
                    break;
            }

            foreach (var check in row.ToolCallChecks.Where(c => !c.Valid))
            {
                Increment(errorCategories, check.Category ?? "unknown");
            }

            prompt += row.Usage?.PromptTokens ?? 0;
            completion += row.Usage?.CompletionTokens ?? 0;
            total += row.Usage?.TotalTokens ?? 0;
        }

        var (startedAt, finishedAt, durationMs) = EvaluationWindow(rows, run);
        var summary = new RunSummary
        {
            Model = run.Model,
            SuccessCount = success,
            FailureCount = rows.Count - success,
            FinishStop = stop,
            FinishToolCalls = toolCalls,
            FinishOthers = others.Values.Sum(),
            FinishOthersDetail = others,
            SchemaValidationErrorCount = invalid,
            SuccessfulToolCallCount = valid,
            Usage = new UsageTotals(prompt, completion, total),
            EvalStartedAt = startedAt,
            EvalFinishedAt = finishedAt,
            EvalDurationMs = durationMs,
            SchemaAccuracy = toolCalls == 0 ? null : Math.Round((double)valid / toolCalls, 6),
            ErrorCategories = errorCategories,
            FailureCategories = failureCategories,
            LatencyMs = Percentiles.Summarize(rows.Select(r => r.DurationMs)),
            TtftMs = Percentiles.Summarize(rows.Where(r => r.TtftMs is not null).Select(r => r.TtftMs!.Value)),
            RequestsPerSecond = run.RequestsSent is { } sent && run.DurationMs is > 0 ? Math.Round(sent * 1000.0 / run.DurationMs.Value, 3) : null,
            TotalRows = rows.Count,
            SkippedLines = run.SkippedLines,
            UnreadableRows = unreadableRows,
            AttemptsTotal = rows.Sum(r => (long)r.Attempts),
            RetriedRequests = rows.Count(r => r.Attempts > 1),
            Wire = Wire.WireSummary.Count(rows.Select(r => r.WireFindings)),
            Parse = ParseCounts.Of(rows),
            Run = run,
        };
        summary = baseline is null
            ? summary with { Intervals = Intervals(summary, null) }
            : WithBaseline(summary, rows, baseline);
        var table = run.PublishedTable ?? PublishedTables.InferTable(summary.Model);
        return summary with { Published = PublishedStanding.For(table, summary.SchemaAccuracy, summary.ToolCallF1) };
    }

    private static RunSummary WithBaseline(RunSummary summary, List<CaseOutcome> rows, Baseline baseline)
    {
        var (join, pairs) = TriggerMetricsCalculator.Join(rows, baseline);
        var trigger = TriggerMetricsCalculator.Compute([.. pairs.Select(p => (p.Ours.FinishReason == "tool_calls", p.Reference.IsToolCall))]);
        var c = trigger.Counts;
        var undefined = new List<string>();
        if (c.Precision is null)
        {
            undefined.Add("tool_call_precision");
        }

        if (c.Recall is null)
        {
            undefined.Add("tool_call_recall");
        }

        if (c.F1 is null)
        {
            undefined.Add("tool_call_f1");
        }

        if (summary.SchemaAccuracy is null)
        {
            undefined.Add("schema_accuracy");
        }

        return summary with
        {
            Tp = c.Tp,
            Fp = c.Fp,
            Fn = c.Fn,
            Tn = c.Tn,
            ToolCallPrecision = Round(c.Precision),
            ToolCallRecall = Round(c.Recall),
            ToolCallF1 = Round(c.F1),
            Intervals = Intervals(summary, trigger),
            UndefinedMetrics = undefined,
            Baseline = join,
            Categories = CategoryMetricsCalculator.Calculate(rows, baseline, pairs),
        };
    }

    private static SortedDictionary<string, Interval?> Intervals(RunSummary summary, TriggerMetrics? trigger)
    {
        var intervals = new SortedDictionary<string, Interval?>(StringComparer.Ordinal)
        {
            ["schema_accuracy"] = Interval.Wilson(summary.SuccessfulToolCallCount, summary.FinishToolCalls),
        };
        if (trigger is not null)
        {
            intervals["tool_call_f1"] = trigger.F1Interval;
            intervals["tool_call_precision"] = trigger.PrecisionInterval;
            intervals["tool_call_recall"] = trigger.RecallInterval;
        }

        return intervals;
    }

    internal static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;

    /// <summary>One outcome per data_index (the latest <c>last_run_at</c>; on a tie the later one), sorted by data_index.</summary>
    public static List<CaseOutcome> Latest(IEnumerable<CaseOutcome> outcomes) => LatestRun.Of(outcomes, o => o.DataIndex, o => o.LastRunAt);

    private static (string? Started, string? Finished, long? DurationMs) EvaluationWindow(List<CaseOutcome> rows, RunInfo run)
    {
        if (run.StartedAt is not null)
        {
            return (run.StartedAt, run.FinishedAt, run.DurationMs);
        }

        // A results file alone: the window spanned by its rows' finish times.
        var times = rows
            .Select(r => DateTime.TryParse(r.LastRunAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? (DateTime?)t.AddMilliseconds(-r.DurationMs) : null)
            .Zip(rows, (start, row) => (Start: start, End: DateTime.TryParse(row.LastRunAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var e) ? (DateTime?)e : null))
            .Where(x => x.Start is not null && x.End is not null)
            .ToList();
        if (times.Count == 0)
        {
            return (null, null, null);
        }

        var first = times.Min(x => x.Start!.Value);
        var last = times.Max(x => x.End!.Value);
        return (PythonIsoFormat(first), PythonIsoFormat(last), (long)(last - first).TotalMilliseconds);
    }

    /// <summary>Python's <c>datetime.isoformat()</c> of a naive local time, as K2VV writes <c>last_run_at</c>.</summary>
    public static string PythonIsoFormat(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static void Increment(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
}
