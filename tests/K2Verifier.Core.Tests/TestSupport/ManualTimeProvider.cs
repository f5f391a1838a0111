namespace K2Verifier.Tests.Support;

/// <summary>
/// A clock that moves only when <see cref="Advance"/> is called: timers fire when the clock passes their due time
/// (on the calling thread, outside the lock). Timers due within <see cref="InstantBelow"/> fire at once on the thread
/// pool (retry backoffs in tests), so only the waits a test is about need advancing.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly DateTimeOffset _start = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private TimeSpan _elapsed;

    /// <summary>Timers due sooner than this fire immediately. Default: zero (none).</summary>
    public TimeSpan InstantBelow { get; init; } = TimeSpan.Zero;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _start + _elapsed;
        }
    }

    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _elapsed.Ticks;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock and fires every timer that came due (periodic ones once per period passed).</summary>
    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_lock)
        {
            _elapsed += by;
            due = [.. _timers.Where(t => t.DueAt <= _elapsed)];
            foreach (var timer in due)
            {
                if (timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan)
                {
                    timer.DueAt = _elapsed + timer.Period;
                }
                else
                {
                    _timers.Remove(timer);
                }
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
            timer.Period = period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            if (dueTime <= InstantBelow && period == Timeout.InfiniteTimeSpan)
            {
                ThreadPool.QueueUserWorkItem(_ => timer.Fire());
                return;
            }

            timer.DueAt = _elapsed + dueTime;
            _timers.Add(timer);
        }
    }

    private void Cancel(ManualTimer timer)
    {
        lock (_lock)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public TimeSpan DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Dispose() => owner.Cancel(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
