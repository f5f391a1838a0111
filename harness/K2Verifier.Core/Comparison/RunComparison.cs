using K2Verifier.Metrics;

namespace K2Verifier.Comparison;

/// <summary>What changed between run A (e.g. last night) and run B (tonight), request by request and metric by metric.</summary>
public sealed record RunComparison
{
    public required string A { get; init; }

    public required string B { get; init; }

    /// <summary>The baseline the F1 deltas are measured against, when one was given.</summary>
    public string? Baseline { get; init; }

    /// <summary>Requests present in both runs (the metrics below are over these).</summary>
    public int CommonRequests { get; init; }

    /// <summary>data_index values both runs have but with different requests (another dataset, or other messages, tools or tool_choice).</summary>
    public IReadOnlyList<int> DifferentRequests { get; init; } = [];

    /// <summary>True when the runs have no request in common although both have rows: they measured different things.</summary>
    public bool IsDisjoint => CommonRequests == 0 && (DifferentRequests.Count > 0 || OnlyInA.Count > 0 || OnlyInB.Count > 0);

    public IReadOnlyList<int> OnlyInA { get; init; } = [];

    public IReadOnlyList<int> OnlyInB { get; init; } = [];

    /// <summary>Requests whose status, trigger or tool-call validity changed, by data_index.</summary>
    public IReadOnlyList<RequestChange> Changes { get; init; } = [];

    /// <summary>Metric values in A and B and their difference with an interval.</summary>
    public IReadOnlyList<MetricDelta> Deltas { get; init; } = [];

    /// <summary>Trigger F1 of B taking A as the reference (1.0 when B calls tools exactly where A did).</summary>
    public double? SimilarityF1 { get; init; }

    public Interval? SimilarityF1Interval { get; init; }
}
