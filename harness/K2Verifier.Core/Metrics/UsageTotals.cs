namespace K2Verifier.Metrics;

/// <summary>Token usage summed over all rows (K2VV's <c>usage</c> summary key).</summary>
public sealed record UsageTotals(long PromptTokens, long CompletionTokens, long TotalTokens);
