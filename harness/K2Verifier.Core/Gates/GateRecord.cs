namespace K2Verifier.Gates;

/// <summary>One gate's verdict as summary.json, <c>--json</c> and the reports record it.</summary>
/// <param name="Gate">The gate as written, e.g. <c>tool_call_f1&gt;=0.80</c>.</param>
/// <param name="Metric">The metric's name.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Threshold">The number compared with.</param>
/// <param name="Actual">The metric's value (null when undefined or not evaluable).</param>
/// <param name="Verdict"><c>pass</c>, <c>fail</c> or <c>cannot_evaluate</c>.</param>
/// <param name="Note">Why the value is missing, when it is.</param>
public sealed record GateRecord(string Gate, string Metric, string Operator, double Threshold, double? Actual, string Verdict, string? Note)
{
    /// <summary>The record of <paramref name="result"/>.</summary>
    public static GateRecord From(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new GateRecord(result.Gate.Text, result.Gate.Metric, result.Gate.Operator, result.Gate.Threshold, result.Actual, result.Verdict, result.Note);
    }
}
