namespace K2Verifier.Gates;

/// <summary>
/// Checks gates against named metric values. An undefined metric (null) fails its gate, with a note; a metric the run
/// cannot have (absent, or unavailable for a reason such as a missing baseline) makes its gate not evaluable.
/// </summary>
public static class GateEvaluator
{
    /// <summary>Names in <paramref name="gates"/> that <paramref name="known"/> does not accept, with suggestions.</summary>
    public static IReadOnlyList<string> UnknownMetrics(IEnumerable<GateExpression> gates, Func<string, bool> known) =>
        [.. gates.Where(g => !known(g.Metric)).Select(g => g.Metric).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Evaluates every gate. A metric absent from <paramref name="metrics"/> whose name starts with one of
    /// <paramref name="countPrefixes"/> is a counter that never fired: it reads as 0. <paramref name="unavailable"/>
    /// gives the reason a metric cannot be had in this run (null when it can).
    /// </summary>
    public static IReadOnlyList<GateResult> Evaluate(
        IEnumerable<GateExpression> gates,
        IReadOnlyDictionary<string, double?> metrics,
        IReadOnlyList<string>? countPrefixes = null,
        Func<string, string?>? unavailable = null)
    {
        ArgumentNullException.ThrowIfNull(gates);
        ArgumentNullException.ThrowIfNull(metrics);
        return [.. gates.Select(gate =>
        {
            if (unavailable?.Invoke(gate.Metric) is { } reason)
            {
                return new GateResult(gate, null, false, reason, Evaluable: false);
            }

            if (!metrics.TryGetValue(gate.Metric, out var value))
            {
                if (countPrefixes?.Any(p => gate.Metric.StartsWith(p, StringComparison.Ordinal)) == true)
                {
                    return new GateResult(gate, 0, gate.IsSatisfiedBy(0));
                }

                return new GateResult(gate, null, false, "metric not present in this summary", Evaluable: false);
            }

            return value is { } actual
                ? new GateResult(gate, actual, gate.IsSatisfiedBy(actual))
                : new GateResult(gate, null, false, "metric is undefined here (e.g. no tool_calls to divide by)");
        })];
    }
}
