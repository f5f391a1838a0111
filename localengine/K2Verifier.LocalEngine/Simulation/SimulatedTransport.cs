using K2Verifier.Backends;

namespace K2Verifier.LocalEngine.Simulation;

/// <summary>
/// The transport layer of the simulator: deterministic (by seed and data_index) rate limits, server errors and resets
/// retried as <c>run</c> retries them by default for <c>flaky</c>, and log-normal latency and time to first token for <c>slow</c>.
/// </summary>
internal sealed class SimulatedTransport(SimulationProfile profile, long seed, TimeProvider time)
{
    private const long RetryAfterMs = SimulatedFaults.RetryAfterSeconds * 1000L;

    public async Task<BackendResponse> DeliverAsync(int dataIndex, SimulatedResponse response, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        long? ttft = null;
        var drawnMs = 0L;
        if (profile.Slow)
        {
            var (first, total) = SimulatedFaults.Latency(seed, dataIndex, response.CompletionTokens);
            await Task.Delay(total, time, cancellationToken).ConfigureAwait(false);
            ttft = response.IsStream ? (long)first.TotalMilliseconds : null;
            drawnMs = (long)total.TotalMilliseconds;
        }

        var attempts = 1;
        var virtualWaitMs = 0L;
        if (profile.TransportFaults is { } rates)
        {
            // run's default retry policy (RetryOptions.Default), so --engine sim and the same profile served over HTTP
            // end alike: 503s and resets use up the transient retries, 429s are retried without a count cap until
            // their Retry-After waits pass the default --max-wait (the default --timeout).
            var transient = 0;
            var rateLimitedMs = 0L;
            for (; ; attempts++)
            {
                var failure = SimulatedFaults.Draw(rates, seed, dataIndex, attempts);
                if (failure is null)
                {
                    break;
                }

                // Waits are accounted, not slept: Retry-After 1 s for 429, exponential backoff otherwise.
                var rateLimited = failure.StatusCode == 429;
                if (rateLimited)
                {
                    rateLimitedMs += RetryAfterMs;
                }
                else
                {
                    transient++;
                }

                var exhausted = rateLimited
                    ? rateLimitedMs > HttpBackendOptions.DefaultTimeout.TotalMilliseconds
                    : transient > RetryOptions.Default.Retries;
                if (exhausted)
                {
                    return new BackendResponse
                    {
                        StatusCode = failure.StatusCode,
                        Body = failure.StatusCode is null ? null : $"{{\"error\":{{\"message\":\"{failure.Message}\"}}}}",
                        Attempts = attempts,
                        DurationMs = Elapsed(started) + virtualWaitMs,
                        Failure = failure,
                    };
                }

                virtualWaitMs += rateLimited ? RetryAfterMs : 250L << (transient - 1);
            }
        }

        return new BackendResponse
        {
            StatusCode = 200,
            Body = response.Body,
            IsStream = response.IsStream,
            Attempts = attempts,
            DurationMs = Math.Max(Elapsed(started), drawnMs) + virtualWaitMs,
            TimeToFirstTokenMs = ttft,
            Parse = response.Parse,
        };
    }

    private long Elapsed(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;
}
