namespace K2Verifier.Charts;

/// <summary>A dashed line across the plot at <paramref name="Value"/> with a label (e.g. "acceptance 0.80").</summary>
public sealed record ReferenceLine(double Value, string Label);
