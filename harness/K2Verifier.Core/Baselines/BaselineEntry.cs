namespace K2Verifier.Baselines;

/// <summary>The reference answer for one request.</summary>
/// <param name="DataIndex">The request's 1-based dataset line.</param>
/// <param name="FinishReason">The reference finish_reason (null when the reference request failed or had none).</param>
/// <param name="Failed">True when the reference request itself failed (official results only); such rows are left out of the metrics and listed.</param>
/// <param name="Category">The request's category, when the baseline has one.</param>
public sealed record BaselineEntry(int DataIndex, string? FinishReason, bool Failed, string? Category)
{
    /// <summary>Positive in K2VV's sense: finish_reason is <c>tool_calls</c>.</summary>
    public bool IsToolCall => FinishReason == "tool_calls";
}
