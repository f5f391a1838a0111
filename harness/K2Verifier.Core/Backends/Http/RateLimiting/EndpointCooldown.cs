namespace K2Verifier.Backends.Http.RateLimiting;

/// <summary>
/// One pause for the whole endpoint: a reply asking to wait (<c>Retry-After</c>, <c>x-ratelimit-reset-*</c>) holds
/// back every new send until then, instead of each request backing off alone and hitting the endpoint again together.
/// A later, longer pause extends it; a shorter one never shortens it. Thread-safe.
/// </summary>
internal sealed class EndpointCooldown(TimeProvider time, TimeSpan maxPause)
{
    private long _resumeAt; // a TimeProvider timestamp (0: never paused)

    /// <summary>Holds new sends back for <paramref name="pause"/> from now (capped at the longest allowed wait).</summary>
    public void PauseFor(TimeSpan pause)
    {
        if (pause <= TimeSpan.Zero)
        {
            return;
        }

        TimeSpan capped = pause < maxPause ? pause : maxPause;
        long until = time.GetTimestamp() + (long)(capped.TotalSeconds * time.TimestampFrequency);
        long current = Volatile.Read(ref _resumeAt);
        while (until > current)
        {
            long seen = Interlocked.CompareExchange(ref _resumeAt, until, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>How long new sends are still held back (zero when they are not).</summary>
    public TimeSpan Remaining
    {
        get
        {
            long left = Volatile.Read(ref _resumeAt) - time.GetTimestamp();
            return left > 0 ? TimeSpan.FromSeconds((double)left / time.TimestampFrequency) : TimeSpan.Zero;
        }
    }

    /// <summary>Waits until no pause holds (a pause set meanwhile is waited for too); returns the time waited.</summary>
    public async ValueTask<TimeSpan> WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan waited = TimeSpan.Zero;
        for (TimeSpan left = Remaining; left > TimeSpan.Zero; left = Remaining)
        {
            await Task.Delay(left, time, cancellationToken).ConfigureAwait(false);
            waited += left;
        }

        return waited;
    }
}
