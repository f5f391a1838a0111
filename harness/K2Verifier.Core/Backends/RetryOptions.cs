namespace K2Verifier.Backends;

/// <summary>
/// How <see cref="HttpChatBackend"/> retries one request: exponential backoff with jitter for transient faults
/// (5xx, timeouts, connection errors, truncated streams), a separate budget for rate limits (429: bounded by time,
/// <see cref="RateLimitOptions.MaxWait"/>, and optionally by count), and
/// a cap on any single wait, including one asked for by <c>Retry-After</c>.
/// </summary>
public sealed record RetryOptions
{
    /// <summary>The defaults below, as one instance.</summary>
    public static RetryOptions Default { get; } = new();

    /// <summary>
    /// Retries after a transient fault (5xx, timeout, connection error, truncated stream); K2VV's <c>--retries</c>.
    /// Default: 3 (so at most 4 attempts when no rate limit is hit). 0 disables them.
    /// </summary>
    public int Retries { get; init; } = 3;

    /// <summary>
    /// An optional hard cap on retries after HTTP 429 (<c>--rate-limit-retries</c>), counted apart from
    /// <see cref="Retries"/>. Null: no count cap, as K2VV; a rate limit says the endpoint is alive, so 429s are retried
    /// until <see cref="RateLimitOptions.MaxWait"/> runs out. Default: null.
    /// </summary>
    public int? RateLimitRetries { get; init; }

    /// <summary>The first backoff delay; it doubles on each retry (with jitter). Default: 1 second.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest single wait between two attempts, whether computed by backoff or asked for by <c>Retry-After</c>
    /// (a silly <c>Retry-After: 86400</c> must not stall a run for a day). Default: 60 seconds.
    /// </summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Whether backoff delays are randomised (decorrelated jitter) to avoid synchronised retries. Default: true.</summary>
    public bool UseJitter { get; init; } = true;

    /// <summary>Whether a <c>Retry-After</c> (or <c>retry-after-ms</c>) response header sets the wait. Default: true.</summary>
    public bool HonorRetryAfter { get; init; } = true;

    internal IEnumerable<string> Validate()
    {
        if (Retries is < 0 or > 100)
        {
            yield return $"retries must be between 0 and 100 (was {Retries}).";
        }

        if (RateLimitRetries is < 0 or > 1000)
        {
            yield return $"rate-limit retries must be between 0 and 1000 (was {RateLimitRetries}).";
        }

        if (BaseDelay < TimeSpan.Zero || BaseDelay > TimeSpan.FromHours(1))
        {
            yield return $"retry base delay must be between 0 and 1 hour (was {BaseDelay}).";
        }

        if (MaxDelay < BaseDelay || MaxDelay > TimeSpan.FromDays(1))
        {
            yield return $"retry max delay must be at least the base delay and at most 1 day (was {MaxDelay}).";
        }
    }
}
