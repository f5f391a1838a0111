using System.Collections.Concurrent;
using K2Verifier.LocalEngine.Simulation;
using Microsoft.AspNetCore.Http;

namespace K2Verifier.Cli.Serving;

/// <summary>The wire faults of the <c>flaky</c> and <c>slow</c> profiles (drawn as <see cref="SimulatedFaults"/> draws them in process).</summary>
internal sealed partial class SimulatorServer
{
    private readonly ConcurrentDictionary<int, int> _attempts = new();

    /// <summary>
    /// Answers the attempt with the <c>flaky</c> profile's fault when it draws one (429 with <c>Retry-After</c>, 503, or
    /// a reset connection); the n-th request for a data_index is its n-th attempt. True when the request is answered.
    /// </summary>
    private async Task<bool> InjectFaultAsync(HttpContext context, int dataIndex)
    {
        if (_backend.Profile.TransportFaults is not { } rates)
        {
            return false;
        }

        var attempt = _attempts.AddOrUpdate(dataIndex, 1, (_, n) => n + 1);
        var fault = SimulatedFaults.Draw(rates, _backend.Seed, dataIndex, attempt);
        switch (fault?.StatusCode)
        {
            case null when fault is not null:
                context.Abort();
                return true;
            case int status:
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                if (status == StatusCodes.Status429TooManyRequests)
                {
                    context.Response.Headers.RetryAfter = SimulatedFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await context.Response.WriteAsync($$$"""{"error":{"message":"{{{fault.Message}}}","type":"simulated_fault"}}""", context.RequestAborted).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes the response; the <c>slow</c> profile waits the time to first token, then paces the stream's events.</summary>
    private async Task WriteAsync(HttpContext context, int dataIndex, SimulatedResponse response)
    {
        if (!_backend.Profile.Slow)
        {
            await context.Response.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var (first, total) = SimulatedFaults.Latency(_backend.Seed, dataIndex, response.CompletionTokens);
        if (!response.IsStream)
        {
            await Task.Delay(total, _time, context.RequestAborted).ConfigureAwait(false);
            await context.Response.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var events = response.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var gap = events.Length > 1 ? (total - first) / (events.Length - 1) : TimeSpan.Zero;
        for (var i = 0; i < events.Length; i++)
        {
            await Task.Delay(i == 0 ? first : gap, _time, context.RequestAborted).ConfigureAwait(false);
            await context.Response.WriteAsync(events[i] + "\n\n", context.RequestAborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }
}
