using K2Verifier.Normalization;
using K2Verifier.Validation;

namespace K2Verifier.Results;

/// <summary>The scalar facts of one row that metrics need (no request or response text), after re-validation.</summary>
public sealed record CaseOutcome(
    int DataIndex,
    string Status,
    string? FinishReason,
    bool? ToolCallsValid,
    IReadOnlyList<ToolCallCheck> ToolCallChecks,
    string? ErrorCategory,
    long DurationMs,
    long? TtftMs,
    int Attempts,
    TokenUsage? Usage,
    string LastRunAt)
{
    /// <summary>The row's wire findings, recomputed from its request, response and stream facts.</summary>
    public IReadOnlyList<Wire.WireFinding> WireFindings { get; init; } = [];

    /// <summary>The request's <see cref="Preparation.RequestIdentity"/> (null when the row has no request object); compare joins runs by it.</summary>
    public string? RequestKey { get; init; }
    /// <summary>The row's <c>parse</c> object (null when the response came from the wire as it is).</summary>
    public ParseReport? Parse { get; init; }

    /// <summary>True when the row's status is success.</summary>
    public bool IsSuccess => Status == CaseStatus.Success;
}
