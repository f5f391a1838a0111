namespace K2Verifier.Normalization;

/// <summary>Token counts reported by the endpoint for one response.</summary>
public sealed record TokenUsage(long PromptTokens, long CompletionTokens, long TotalTokens);
