using K2Verifier.Backends;

namespace K2Verifier.LocalEngine.Simulation;

/// <summary>
/// The draws behind the <c>flaky</c> and <c>slow</c> profiles, shared by the in-process transport and the HTTP server so
/// both inject the same faults and delays for the same (seed, data_index, attempt).
/// </summary>
public static class SimulatedFaults
{
    /// <summary>The Retry-After a simulated 429 carries, in seconds.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>The fault of one attempt (1-based), or null when it goes through: 429, 503 or a connection reset.</summary>
    public static BackendFailure? Draw(TransportFaultRates? rates, long seed, int dataIndex, int attempt)
    {
        if (rates is null)
        {
            return null;
        }

        var draw = SimulationRandom.Uniform(seed, dataIndex, "transport", attempt);
        return draw < rates.RateLimited
            ? new BackendFailure(BackendFailureCategory.RateLimited, $"429 Too Many Requests (Retry-After: {RetryAfterSeconds})", 429)
            : draw < rates.RateLimited + rates.ServerError
                ? new BackendFailure(BackendFailureCategory.ServerError, "503 Service Unavailable", 503)
                : draw < rates.RateLimited + rates.ServerError + rates.Reset
                    ? new BackendFailure(BackendFailureCategory.Connection, "connection reset by peer")
                    : null;
    }

    /// <summary>
    /// The <c>slow</c> profile's latency for a response of <paramref name="completionTokens"/>: median time to first
    /// token 0.8 s, then ~25 ms per generated token, with a heavy right tail (log-normal, sigma 0.5 and 0.3).
    /// </summary>
    public static (TimeSpan FirstToken, TimeSpan Total) Latency(long seed, int dataIndex, int completionTokens)
    {
        var first = 800 * Math.Exp(0.5 * SimulationRandom.Normal(seed, dataIndex, "ttft"));
        var perToken = 25 * Math.Exp(0.3 * SimulationRandom.Normal(seed, dataIndex, "tpot"));
        return (TimeSpan.FromMilliseconds(first), TimeSpan.FromMilliseconds(first + (perToken * completionTokens)));
    }
}
