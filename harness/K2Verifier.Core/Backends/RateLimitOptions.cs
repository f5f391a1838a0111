using System.Globalization;

namespace K2Verifier.Backends;

/// <summary>
/// How <see cref="HttpChatBackend"/> lives with a vendor's rate limits: 429s are retried without a count cap while the
/// endpoint keeps answering, within <see cref="MaxWait"/> per request; a <c>Retry-After</c> or <c>x-ratelimit-reset-*</c>
/// header pauses new sends for every request (one cool-down per endpoint); the number of attempts in flight adapts
/// (AIMD) below <see cref="ConcurrencyCeiling"/>; optional client-side limits keep under a published quota.
/// </summary>
public sealed record RateLimitOptions
{
    /// <summary>The defaults below, as one instance.</summary>
    public static RateLimitOptions Default { get; } = new();

    /// <summary>
    /// How long one request may stay rate-limited, from its first 429, before it is recorded as <c>rate_limited</c>
    /// (<c>--max-wait</c>). Null: the per-attempt timeout (<see cref="HttpBackendOptions.Timeout"/>). Default: null.
    /// </summary>
    public TimeSpan? MaxWait { get; init; }

    /// <summary>
    /// The most attempts in flight at once (<c>--concurrency</c>); the adaptive limit starts here, halves on a 429 (or
    /// a 503 with <c>Retry-After</c>) and grows back by one per window of successes. Null: no adaptive limit (the
    /// caller bounds concurrency). Default: null.
    /// </summary>
    public int? ConcurrencyCeiling { get; init; }

    /// <summary>Client-side limit in requests per second (<c>--rate-limit</c>), a token bucket of one second. Default: none.</summary>
    public double? RequestsPerSecond { get; init; }

    /// <summary>
    /// Client-side limit in tokens per minute (<c>--tokens-per-minute</c>): each request is charged its estimated
    /// tokens (from the body until a usage arrives, then the mean usage seen). Default: none.
    /// </summary>
    public int? TokensPerMinute { get; init; }

    internal IEnumerable<string> Validate()
    {
        if (MaxWait is { } wait && (wait < TimeSpan.Zero || wait > TimeSpan.FromDays(7)))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"--max-wait must be between 0 and 7 days (was {wait.TotalSeconds} s).");
        }

        if (ConcurrencyCeiling is < 1 or > 100_000)
        {
            yield return $"concurrency ceiling must be between 1 and 100000 (was {ConcurrencyCeiling}).";
        }

        if (RequestsPerSecond is { } rate && (!(rate > 0) || rate > 1_000_000))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"--rate-limit must be a positive number of requests per second up to 1000000 (was {rate}).");
        }

        if (TokensPerMinute is < 1)
        {
            yield return $"--tokens-per-minute must be positive (was {TokensPerMinute}).";
        }
    }
}
