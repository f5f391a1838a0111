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

    /// <summary><paramref name="summary"/> with the verdicts recorded: each gate, and the overall verdict (incomplete when the run is).</summary>
    public static RunSummary Record(RunSummary summary, IReadOnlyList<GateResult> results)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(results);
        return summary with { Gates = [.. results.Select(GateRecord.From)], Verdict = GateVerdicts.Of(results, summary.Run.Complete) };
    }
}
