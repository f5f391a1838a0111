using K2Verifier.Metrics;

namespace K2Verifier.Comparison;

/// <summary>A metric in both runs over their common requests, B − A, and a 95% paired-bootstrap interval of the difference.</summary>
public sealed record MetricDelta(string Metric, double? A, double? B, double? Delta, Interval? DeltaInterval);
