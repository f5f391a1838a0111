namespace K2Verifier.Backends.Http.RateLimiting;

/// <summary>
/// AIMD limit on the attempts in flight, as TCP and Netflix's concurrency-limits adapt theirs: it starts at the
/// ceiling, halves on an overload signal (429, or 503 with <c>Retry-After</c>) at most once per round trip (only an
/// attempt sent after the last decrease can lower it again), and grows by one per window of successes (+1/limit each).
/// Waiters are served first come, first served. Thread-safe.
/// </summary>
internal sealed class AdaptiveConcurrencyLimiter
{
    private readonly Lock _lock = new();
    private readonly Queue<TaskCompletionSource> _waiters = new();
    private readonly TimeProvider _time;
    private readonly ConcurrencyTimeline _timeline;
    private double _limit;
    private int _inFlight;
    private long _lastDecrease = long.MinValue;

    public AdaptiveConcurrencyLimiter(int ceiling, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ceiling, 1);
        Ceiling = ceiling;
        _limit = ceiling;
        _time = time;
        _timeline = new ConcurrencyTimeline(time, ceiling);
    }

    public int Ceiling { get; }

    /// <summary>The current limit (whole attempts).</summary>
    public int Limit
    {
        get
        {
            lock (_lock)
            {
                return (int)_limit;
            }
        }
    }

    public ConcurrencyTimeline Timeline => _timeline;

    /// <summary>Waits for a free slot; dispose the lease when the attempt ends (body or stream read).</summary>
    public async ValueTask<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            if (_inFlight < (int)_limit && _waiters.Count == 0)
            {
                _inFlight++;
                return new Lease(this, _time.GetTimestamp());
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
        }

        using (cancellationToken.Register(static w => ((TaskCompletionSource)w!).TrySetCanceled(), waiter))
        {
            await waiter.Task.ConfigureAwait(false); // a granted slot was counted in _inFlight by the releaser
        }

        return new Lease(this, _time.GetTimestamp());
    }

    /// <summary>A reply that proves the endpoint has room: +1/limit, up to the ceiling.</summary>
    public void OnSuccess()
    {
        lock (_lock)
        {
            if (_limit >= Ceiling)
            {
                return;
            }

            int before = (int)_limit;
            _limit = Math.Min(Ceiling, _limit + (1.0 / _limit));
            if ((int)_limit != before)
            {
                _timeline.Record((int)_limit);
                GrantWaiters();
            }
        }
    }

    /// <summary>An overload signal for an attempt sent at <paramref name="sentAt"/>: halve, once per round trip.</summary>
    public void OnOverload(long sentAt)
    {
        lock (_lock)
        {
            if (sentAt < _lastDecrease)
            {
                return; // sent before the last decrease: that decrease already answered this congestion
            }

            _lastDecrease = _time.GetTimestamp();
            _limit = Math.Max(1, Math.Floor(_limit / 2));
            _timeline.Record((int)_limit);
        }
    }

    private void Release()
    {
        lock (_lock)
        {
            _inFlight--;
            GrantWaiters();
        }
    }

    private void GrantWaiters()
    {
        while (_inFlight < (int)_limit && _waiters.TryDequeue(out TaskCompletionSource? next))
        {
            if (next.TrySetResult())
            {
                _inFlight++;
            }
        }
    }

    /// <summary>One slot; disposing it frees the slot (once).</summary>
    public sealed class Lease(AdaptiveConcurrencyLimiter owner, long acquiredAt) : IDisposable
    {
        private int _disposed;

        /// <summary>When the slot was granted (a <see cref="TimeProvider"/> timestamp).</summary>
        public long AcquiredAt { get; } = acquiredAt;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release();
            }
        }
    }
}
