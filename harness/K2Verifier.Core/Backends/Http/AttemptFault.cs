namespace K2Verifier.Backends.Http;

/// <summary>How the retry strategy treats the outcome of one attempt.</summary>
internal enum AttemptFault
{
    /// <summary>A usable answer (success, or a 2xx recorded as it is): no retry.</summary>
    None,

    /// <summary>HTTP 429: retried within <see cref="RetryOptions.RateLimitRetries"/>.</summary>
    RateLimited,

    /// <summary>5xx, 408, timeout, connection error, truncated stream: retried within <see cref="RetryOptions.Retries"/>.</summary>
    Transient,

    /// <summary>Other 4xx, a 200 that is not JSON: recorded at once, retrying would not change it.</summary>
    Permanent,
}
