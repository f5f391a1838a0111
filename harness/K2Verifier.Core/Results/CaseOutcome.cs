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
    /// <summary>The row's <c>parse</c> object (null when the response came from the wire as it is).</summary>
    public ParseReport? Parse { get; init; }

    /// <summary>True when the row's status is success.</summary>
    public bool IsSuccess => Status == CaseStatus.Success;
}
