namespace K2Verifier.Metrics;

/// <summary>The key metrics for one dataset category.</summary>
public sealed record CategoryMetrics
{
    public int Requests { get; init; }

    public int FinishToolCalls { get; init; }

    public int SuccessfulToolCallCount { get; init; }

    public double? SchemaAccuracy { get; init; }

    public int Tp { get; init; }

    public int Fp { get; init; }

    public int Fn { get; init; }

    public int Tn { get; init; }

    public double? ToolCallPrecision { get; init; }

    public double? ToolCallRecall { get; init; }

    public double? ToolCallF1 { get; init; }

    public Interval? ToolCallF1Interval { get; init; }
}
