namespace K2Verifier.Metrics;

/// <summary>Trigger similarity against a baseline, with 95% intervals (bootstrap for F1, Wilson for precision and recall).</summary>
public sealed record TriggerMetrics
{
    public required ConfusionCounts Counts { get; init; }

    public Interval? F1Interval { get; init; }

    public Interval? PrecisionInterval { get; init; }

    public Interval? RecallInterval { get; init; }
}
