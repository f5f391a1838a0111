using K2Verifier.Backends;
using K2Verifier.Preparation;

namespace K2Verifier.Running;

/// <summary>The in-flight count and the heartbeat that tells the observer when no request has completed for a while.</summary>
public sealed partial class Runner
{
    private async Task<BackendResponse> SendCountedAsync(PreparedRequest request, RunCounters counters, CancellationToken cancellationToken)
    {
        counters.BeginRequest();
        try
        {
            return await _backend.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            counters.EndRequest();
        }
    }

    /// <summary>A timer on the run's clock, every <paramref name="quietAfter"/>: reports a quiet spell while it lasts.</summary>
    private ITimer StartHeartbeat(RunCounters counters, TimeSpan quietAfter) => _time.CreateTimer(
        _ =>
        {
            if (counters.QuietFor(quietAfter) is { } quiet)
            {
                _observer.Quiet(counters.Snapshot(), quiet);
            }
        },
        null,
        quietAfter,
        quietAfter);
}
