namespace K2Verifier.Results;

/// <summary>Why a request failed (results.jsonl <c>error</c>): a category such as <c>timeout</c> and a message without secrets.</summary>
public sealed record CaseError(string Category, string Message, int? StatusCode = null);
