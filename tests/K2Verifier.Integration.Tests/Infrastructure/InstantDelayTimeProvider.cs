namespace K2Verifier.Integration.Tests.Infrastructure;

/// <summary>
/// A clock for retry tests: waits up to <see cref="MaxInstantDelay"/> (Polly's retry delays) complete at once and
/// are recorded in <see cref="Delays"/> and move the clock forward by their length (so a cool-down waited for is
/// over when the wait ends); longer timers and the per-attempt timeout's (created without a due time) run on the real
/// clock, so they never fire in a fast test. <see cref="GetUtcNow"/> is <see cref="Now"/> plus the waits so far;
/// timestamps are real plus the waits (durations stay meaningful).
/// </summary>
public sealed class InstantDelayTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _delays = [];
    private long _waitedTicks;

    public DateTimeOffset Now { get; set; } = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public TimeSpan MaxInstantDelay { get; init; } = TimeSpan.FromMinutes(2);

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_lock)
            {
                return [.. _delays];
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Now + TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks));

    public override long GetTimestamp() =>
        System.GetTimestamp() + (long)(Interlocked.Read(ref _waitedTicks) * (double)System.TimestampFrequency / TimeSpan.TicksPerSecond);

    public override long TimestampFrequency => System.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan || dueTime > MaxInstantDelay || period != Timeout.InfiniteTimeSpan)
        {
            return System.CreateTimer(callback, state, dueTime, period);
        }

        lock (_lock)
        {
            _delays.Add(dueTime);
        }

        Interlocked.Add(ref _waitedTicks, dueTime.Ticks);

        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new FiredTimer();
    }

    private sealed class FiredTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }
}
