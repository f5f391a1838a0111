namespace K2Verifier.Charts;

/// <summary>A point of a line series.</summary>
public readonly record struct ChartPoint(double X, double Y);
