namespace K2Verifier.Running;

/// <summary>One kind of failed request in a run: its results.jsonl category and HTTP status, how many, and the first message.</summary>
/// <param name="Category">The row's <c>error.category</c>, e.g. <c>not_found</c>.</param>
/// <param name="StatusCode">The HTTP status, when there was one.</param>
/// <param name="Count">Failed rows of this kind.</param>
/// <param name="FirstMessage">The first such row's <c>error.message</c>.</param>
public sealed record FailureKind(string Category, int? StatusCode, int Count, string FirstMessage);
