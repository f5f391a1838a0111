using System.Threading.RateLimiting;

namespace K2Verifier.Backends.Http.RateLimiting;

/// <summary>
/// A client-side quota (<c>--rate-limit</c> requests per second, <c>--tokens-per-minute</c>) on
/// System.Threading.RateLimiting's <see cref="TokenBucketRateLimiter"/>. Its bucket is refilled by a timer of the
/// injected <see cref="TimeProvider"/> (the limiter's own timer runs on the real clock), so it is tested on a manual one.
/// </summary>
internal sealed class ClientRateLimiter : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;
    private readonly ITimer _refill;

    /// <param name="perSecond">Permits per second.</param>
    /// <param name="burst">Permits the bucket holds (those available at once after an idle spell).</param>
    /// <param name="time">The clock whose timer refills the bucket.</param>
    public ClientRateLimiter(double perSecond, int burst, TimeProvider time)
    {
        // Whole permits per refill, at least one, and about 20 refills a second at high rates: the period is exact.
        int perRefill = Math.Max(1, (int)Math.Floor(perSecond * 0.05));
        TimeSpan period = TimeSpan.FromSeconds(perRefill / perSecond);
        Burst = Math.Max(perRefill, burst);
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Burst,
            TokensPerPeriod = perRefill,
            ReplenishmentPeriod = period,
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _refill = time.CreateTimer(static b => ((TokenBucketRateLimiter)b!).TryReplenish(), _bucket, period, period);
    }

    /// <summary>The most permits available at once.</summary>
    public int Burst { get; }

    /// <summary>A limiter of <paramref name="perSecond"/> requests per second with a one-second burst.</summary>
    public static ClientRateLimiter Requests(double perSecond, TimeProvider time) => new(perSecond, (int)Math.Ceiling(perSecond), time);

    /// <summary>A limiter of <paramref name="perMinute"/> tokens per minute with a one-minute burst.</summary>
    public static ClientRateLimiter Tokens(int perMinute, TimeProvider time) => new(perMinute / 60.0, perMinute, time);

    /// <summary>Waits for <paramref name="permits"/> (at most the burst, so a large request is never refused).</summary>
    public async ValueTask WaitAsync(int permits, CancellationToken cancellationToken)
    {
        using RateLimitLease lease = await _bucket.AcquireAsync(Math.Clamp(permits, 1, Burst), cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("The client-side rate limiter refused a request it should have queued.");
        }
    }

    public void Dispose()
    {
        _refill.Dispose();
        _bucket.Dispose();
    }
}
