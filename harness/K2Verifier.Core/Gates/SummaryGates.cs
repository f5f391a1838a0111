using K2Verifier.Metrics;

namespace K2Verifier.Gates;

/// <summary>Gates over a run's summary (run, score, report): the one place that knows which counters read as 0 and which metrics need a baseline.</summary>
public static class SummaryGates
{
    /// <summary>
    /// Evaluates <paramref name="gates"/> against <paramref name="summary"/>, or against <paramref name="metrics"/> when
    /// given (e.g. the means over repeated runs of that summary's kind).
    /// </summary>
    public static IReadOnlyList<GateResult> Evaluate(IEnumerable<GateExpression> gates, RunSummary summary, IReadOnlyDictionary<string, double?>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return GateEvaluator.Evaluate(gates, metrics ?? SummaryMetrics.Flatten(summary), SummaryMetrics.CountPrefixes, name => SummaryMetrics.Unavailable(summary, name));
    }
}
