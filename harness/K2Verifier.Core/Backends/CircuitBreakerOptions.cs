namespace K2Verifier.Backends;

/// <summary>
/// When <see cref="HttpChatBackend"/> decides the endpoint is down for everything and throws
/// <see cref="EndpointUnavailableException"/> (the run stops with exit code 3) instead of retrying for hours.
/// Connection errors, timeouts, stalls, 5xx and 4xx count as failures (a server that rejects every request is no sign
/// of life: the run could not measure it); only 429 proves the endpoint is alive.
/// The breaker opens when every attempt in the sampling window failed and there were at least
/// <see cref="MinimumThroughput"/> of them, so intermittent faults never trip it.
/// </summary>
public sealed record CircuitBreakerOptions
{
    /// <summary>The defaults below, as one instance.</summary>
    public static CircuitBreakerOptions Default { get; } = new();

    /// <summary>Whether the breaker is on. Default: true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Attempts (across all requests of the run) that must all have failed before the breaker opens. Default: 20.</summary>
    public int MinimumThroughput { get; init; } = 20;

    /// <summary>
    /// The sliding window those attempts must fall in. Long enough for 20 attempts at concurrency 1 with the default
    /// backoff (about 7 s per request of 4 attempts). Default: 120 seconds.
    /// </summary>
    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How long the breaker stays open (every attempt then fails fast). Default: 30 seconds.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<string> Validate()
    {
        if (MinimumThroughput < 2)
        {
            yield return $"circuit breaker minimum throughput must be at least 2 (was {MinimumThroughput}).";
        }

        if (SamplingDuration < TimeSpan.FromMilliseconds(500) || SamplingDuration > TimeSpan.FromDays(1))
        {
            yield return $"circuit breaker sampling duration must be between 0.5 s and 1 day (was {SamplingDuration}).";
        }

        if (BreakDuration < TimeSpan.FromMilliseconds(500) || BreakDuration > TimeSpan.FromDays(1))
        {
            yield return $"circuit breaker break duration must be between 0.5 s and 1 day (was {BreakDuration}).";
        }
    }
}
