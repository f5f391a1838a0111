namespace K2Verifier.Integration.Tests.Infrastructure;

/// <summary>
/// A clock for retry tests: waits up to <see cref="MaxInstantDelay"/> (Polly's retry delays) complete at once and
/// are recorded in <see cref="Delays"/>; longer timers (the per-attempt timeout) run on the real clock, so they
/// never fire in a fast test. <see cref="GetUtcNow"/> is fixed (HTTP-date <c>Retry-After</c> is exact); timestamps
/// are real (durations stay meaningful).
/// </summary>
public sealed class InstantDelayTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _delays = [];

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

    public override DateTimeOffset GetUtcNow() => Now;

    public override long GetTimestamp() => System.GetTimestamp();

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
