namespace K2Verifier.Backends;

/// <summary>A failed request: category, a message safe to record (no secrets), and the HTTP status when there was one.</summary>
public sealed record BackendFailure(BackendFailureCategory Category, string Message, int? StatusCode = null);
