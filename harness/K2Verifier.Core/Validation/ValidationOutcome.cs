namespace K2Verifier.Validation;

/// <summary>
/// K2VV's <c>tool_calls_valid</c> for a response and the per-call checks behind it. Only responses that finish with
/// <c>tool_calls</c> are judged; for every other response <see cref="ToolCallsValid"/> is null.
/// </summary>
public sealed record ValidationOutcome(bool? ToolCallsValid, IReadOnlyList<ToolCallCheck> Checks)
{
    /// <summary>The outcome of a response that did not finish with tool_calls.</summary>
    public static ValidationOutcome NotJudged { get; } = new(null, []);
}
