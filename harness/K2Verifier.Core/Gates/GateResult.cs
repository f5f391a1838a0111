namespace K2Verifier.Gates;

/// <summary>One gate's verdict: the value it saw (null when the metric is undefined) and whether it passed.</summary>
public sealed record GateResult(GateExpression Gate, double? Actual, bool Passed, string? Note = null);
