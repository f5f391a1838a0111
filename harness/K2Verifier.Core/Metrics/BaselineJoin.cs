namespace K2Verifier.Metrics;

/// <summary>How a run's rows met the baseline's: what was compared, and what was left out and why (never silently).</summary>
public sealed record BaselineJoin
{
    /// <summary>The baseline file.</summary>
    public required string Path { get; init; }

    /// <summary><c>official_results</c> or <c>expectations</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Pairs compared (both sides present and successful).</summary>
    public int Joined { get; init; }

    /// <summary>data_index values our run has and the baseline lacks.</summary>
    public IReadOnlyList<int> MissingInBaseline { get; init; } = [];

    /// <summary>data_index values the baseline has and our run lacks.</summary>
    public IReadOnlyList<int> MissingInRun { get; init; } = [];

    /// <summary>data_index values left out because our request failed.</summary>
    public IReadOnlyList<int> FailedInRun { get; init; } = [];

    /// <summary>data_index values left out because the baseline's request failed.</summary>
    public IReadOnlyList<int> FailedInBaseline { get; init; } = [];
}
