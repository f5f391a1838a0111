using K2Verifier.Baselines;
using K2Verifier.Results;

namespace K2Verifier.Metrics;

/// <summary>Slices schema accuracy and trigger metrics by the baseline's categories.</summary>
internal static class CategoryMetricsCalculator
{
    public static SortedDictionary<string, CategoryMetrics> Calculate(
        IReadOnlyCollection<CaseOutcome> rows,
        Baseline baseline,
        IReadOnlyList<(CaseOutcome Ours, BaselineEntry Reference)> pairs)
    {
        var result = new SortedDictionary<string, CategoryMetrics>(StringComparer.Ordinal);
        if (!baseline.HasCategories)
        {
            return result;
        }

        var categoryOf = baseline.Entries.Values.Where(e => e.Category is not null).ToDictionary(e => e.DataIndex, e => e.Category!);
        foreach (var group in rows.Where(r => categoryOf.ContainsKey(r.DataIndex)).GroupBy(r => categoryOf[r.DataIndex]))
        {
            var categoryPairs = pairs.Where(p => categoryOf.TryGetValue(p.Ours.DataIndex, out var c) && c == group.Key)
                .Select(p => (p.Ours.FinishReason == "tool_calls", p.Reference.IsToolCall))
                .ToList();
            var trigger = TriggerMetricsCalculator.Compute(categoryPairs);
            var toolCalls = group.Count(r => r.FinishReason == "tool_calls");
            var valid = group.Count(r => r.FinishReason == "tool_calls" && r.ToolCallsValid == true);
            result[group.Key] = new CategoryMetrics
            {
                Requests = group.Count(),
                FinishToolCalls = toolCalls,
                SuccessfulToolCallCount = valid,
                SchemaAccuracy = toolCalls == 0 ? null : Math.Round((double)valid / toolCalls, 6),
                Tp = trigger.Counts.Tp,
                Fp = trigger.Counts.Fp,
                Fn = trigger.Counts.Fn,
                Tn = trigger.Counts.Tn,
                ToolCallPrecision = MetricsCalculator.Round(trigger.Counts.Precision),
                ToolCallRecall = MetricsCalculator.Round(trigger.Counts.Recall),
                ToolCallF1 = MetricsCalculator.Round(trigger.Counts.F1),
                ToolCallF1Interval = trigger.F1Interval,
            };
        }

        return result;
    }
}
