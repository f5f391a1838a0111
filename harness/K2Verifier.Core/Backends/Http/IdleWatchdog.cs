namespace K2Verifier.Backends.Http;

/// <summary>
/// Ends an attempt that receives nothing for <c>IdleTimeout</c>: its <see cref="Token"/> is cancelled when the
/// timer, re-armed by <see cref="Kick"/> on every byte read, runs out. The timer comes from the backend's
/// <see cref="TimeProvider"/>, so tests drive it with a manual clock.
/// </summary>
internal sealed class IdleWatchdog : IDisposable
{
    private readonly TimeSpan _limit;
    private readonly CancellationTokenSource _idle;
    private readonly CancellationTokenSource _linked;

    public IdleWatchdog(TimeSpan limit, TimeProvider timeProvider, CancellationToken attempt)
    {
        _limit = limit;
        _idle = new CancellationTokenSource(limit, timeProvider);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(attempt, _idle.Token);
    }

    /// <summary>Cancelled by the attempt's own token or by the idle timer.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>True once the idle timer ran out.</summary>
    public bool Fired => _idle.IsCancellationRequested;

    /// <summary>Starts one for a streamed request when an idle timeout shorter than the per-attempt timeout is set; otherwise null.</summary>
    public static IdleWatchdog? StartFor(bool stream, HttpBackendOptions options, TimeProvider timeProvider, CancellationToken attempt) =>
        stream && options.IdleTimeout > TimeSpan.Zero && options.IdleTimeout < options.Timeout
            ? new IdleWatchdog(options.IdleTimeout, timeProvider, attempt)
            : null;

    /// <summary>Something arrived: the next <c>IdleTimeout</c> starts now.</summary>
    public void Kick()
    {
        if (!_idle.IsCancellationRequested)
        {
            _idle.CancelAfter(_limit);
        }
    }

    /// <summary>A view of <paramref name="stream"/> that calls <see cref="Kick"/> whenever a read returns bytes.</summary>
    public Stream Watch(Stream stream) => new IdleTrackingStream(stream, this);

    public void Dispose()
    {
        _linked.Dispose();
        _idle.Dispose();
    }
}
