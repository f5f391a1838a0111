using Microsoft.Extensions.Time.Testing;

namespace K2Verifier.Core.Tests.TestSupport.Http;

/// <summary>
/// A manual clock on which waiting moves time: a one-shot delay (a retry wait, a cool-down, a slow reply's
/// <c>Task.Delay(d, clock)</c>) advances the clock by its length at once and is recorded in <see cref="Delays"/>;
/// timers created without a due time (the per-attempt timeout's cancellation source) and periodic ones fire only when
/// the clock passes them, by such a delay or by <see cref="FakeTimeProvider.Advance"/>. Deterministic for one request
/// at a time; concurrent waits add up.
/// </summary>
public sealed class VirtualClock : FakeTimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _delays = [];

    public VirtualClock()
        : base(new DateTimeOffset(2025, 1, 15, 12, 0, 0, TimeSpan.Zero))
    {
    }

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

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan || dueTime <= TimeSpan.Zero || period != Timeout.InfiniteTimeSpan)
        {
            return base.CreateTimer(callback, state, dueTime, period);
        }

        lock (_lock)
        {
            _delays.Add(dueTime);
        }

        ITimer timer = base.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        ThreadPool.QueueUserWorkItem(_ =>
        {
            Advance(dueTime);
            callback(state);
        });
        return timer;
    }
}
