namespace K2Verifier.Metrics;

/// <summary>Distribution of a latency in milliseconds over the rows that have it.</summary>
public sealed record LatencyStats(double P50, double P90, double P99, double Mean, long Max, int Count);
