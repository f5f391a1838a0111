namespace K2Verifier.Gates;

/// <summary>
/// One gate's verdict: the value it saw (null when the metric is undefined) and whether it passed. A gate that cannot
/// be evaluated (<paramref name="Evaluable"/> false: its metric needs a baseline the run was not given, or the
/// summary has no such metric) is neither a pass nor a regression: the command exits 2, and <paramref name="Note"/>
/// says what is missing.
/// </summary>
public sealed record GateResult(GateExpression Gate, double? Actual, bool Passed, string? Note = null, bool Evaluable = true)
{
    /// <summary><c>pass</c>, <c>fail</c> or <c>cannot_evaluate</c>: the verdict as summaries, JSON and JUnit write it.</summary>
    public string Verdict => !Evaluable ? "cannot_evaluate" : Passed ? "pass" : "fail";
}
