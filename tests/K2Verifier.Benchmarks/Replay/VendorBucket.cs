using System.Diagnostics;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>A vendor's rate limit: a token bucket of <paramref name="perSecond"/> requests a second, holding one second's worth.</summary>
internal sealed class VendorBucket(double perSecond)
{
    private readonly Lock _lock = new();
    private double _tokens = double.MaxValue; // full: clamped to one second's worth on the first take
    private long _last = Stopwatch.GetTimestamp();

    public bool TryTake()
    {
        lock (_lock)
        {
            long now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(perSecond, _tokens + (perSecond * (now - _last) / Stopwatch.Frequency));
            _last = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}
