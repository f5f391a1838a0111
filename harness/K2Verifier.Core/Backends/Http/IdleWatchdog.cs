namespace K2Verifier.Backends.Http;

/// <summary>
/// Ends an attempt that receives nothing for <c>IdleTimeout</c>: its <see cref="Token"/> is cancelled when that long
/// has passed since the last <see cref="Kick"/> (or the start). A kick only notes the time: the one timer, from the
/// backend's <see cref="TimeProvider"/> (tests drive it with a manual clock), checks when it fires and re-arms itself
/// for what is left, so a stream's chunks cost a timestamp each instead of a timer reset each.
/// </summary>
internal sealed class IdleWatchdog : IDisposable
{
    private readonly TimeSpan _limit;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _idle = new();
    private readonly CancellationTokenSource _linked;
    private readonly ITimer _timer;
    private long _lastActivity;

    public IdleWatchdog(TimeSpan limit, TimeProvider timeProvider, CancellationToken attempt)
    {
        _limit = limit;
        _time = timeProvider;
        _lastActivity = timeProvider.GetTimestamp();
        _linked = CancellationTokenSource.CreateLinkedTokenSource(attempt, _idle.Token);
        _timer = timeProvider.CreateTimer(static state => ((IdleWatchdog)state!).Check(), this, limit, Timeout.InfiniteTimeSpan);
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
    public void Kick() => Volatile.Write(ref _lastActivity, _time.GetTimestamp());

    public void Dispose()
    {
        _timer.Dispose();
        _linked.Dispose();
        _idle.Dispose();
    }

    /// <summary>The timer fired: cancel when the limit has passed since the last activity, else wait for the rest of it.</summary>
    private void Check()
    {
        TimeSpan quiet = _time.GetElapsedTime(Volatile.Read(ref _lastActivity));
        try
        {
            if (quiet >= _limit)
            {
                _idle.Cancel();
            }
            else
            {
                _timer.Change(_limit - quiet, Timeout.InfiniteTimeSpan);
            }
        }
        catch (ObjectDisposedException)
        {
            // The attempt ended while the timer fired.
        }
    }
}
