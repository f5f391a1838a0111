using System.Threading.RateLimiting;

namespace K2Verifier.Backends.Http.RateLimiting;

/// <summary>
/// A client-side quota (<c>--rate-limit</c> requests per second, <c>--tokens-per-minute</c>) on
/// System.Threading.RateLimiting's <see cref="TokenBucketRateLimiter"/>, refilled by its own timer (the real clock:
/// the limiter reads elapsed time itself, so a manual clock cannot drive it).
/// </summary>
internal sealed class ClientRateLimiter : IDisposable
{
    private readonly TokenBucketRateLimiter _bucket;

    /// <param name="perSecond">Permits per second.</param>
    /// <param name="burst">Permits the bucket holds (those available at once after an idle spell).</param>
    public ClientRateLimiter(double perSecond, int burst)
    {
        // Whole permits per refill, at least one, and about 20 refills a second at high rates: the period is exact.
        int perRefill = Math.Max(1, (int)Math.Floor(perSecond * 0.05));
        Burst = Math.Max(perRefill, burst);
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Burst,
            TokensPerPeriod = perRefill,
            ReplenishmentPeriod = TimeSpan.FromSeconds(perRefill / perSecond),
            AutoReplenishment = true,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>The most permits available at once.</summary>
    public int Burst { get; }

    /// <summary>A limiter of <paramref name="perSecond"/> requests per second with a one-second burst.</summary>
    public static ClientRateLimiter Requests(double perSecond) => new(perSecond, (int)Math.Ceiling(perSecond));

    /// <summary>A limiter of <paramref name="perMinute"/> tokens per minute with a one-minute burst.</summary>
    public static ClientRateLimiter Tokens(int perMinute) => new(perMinute / 60.0, perMinute);

    /// <summary>Waits for <paramref name="permits"/> (at most the burst, so a large request is never refused).</summary>
    public async ValueTask WaitAsync(int permits, CancellationToken cancellationToken)
    {
        using RateLimitLease lease = await _bucket.AcquireAsync(Math.Clamp(permits, 1, Burst), cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("The client-side rate limiter refused a request it should have queued.");
        }
    }

    public void Dispose() => _bucket.Dispose();
}
