using K2Verifier.Metrics;

namespace K2Verifier.Backends.Http.RateLimiting;

/// <summary>
/// The adaptive limit over a run, as (milliseconds since start, limit) points: changes within the same quarter second
/// keep the latest, and at most <see cref="MaxPoints"/> are kept (then the spacing doubles), so a long run stays small.
/// </summary>
internal sealed class ConcurrencyTimeline
{
    internal const int MaxPoints = 480;

    private readonly Lock _lock = new();
    private readonly List<ConcurrencyPoint> _points = [];
    private readonly TimeProvider _time;
    private readonly long _start;
    private long _spacingMs = 250;

    public ConcurrencyTimeline(TimeProvider time, int initial)
    {
        _time = time;
        _start = time.GetTimestamp();
        _points.Add(new ConcurrencyPoint(0, initial));
    }

    public void Record(int limit)
    {
        long at = (long)_time.GetElapsedTime(_start).TotalMilliseconds;
        lock (_lock)
        {
            ConcurrencyPoint last = _points[^1];
            if (_points.Count > 1 && at - last.AtMs < _spacingMs)
            {
                _points[^1] = new ConcurrencyPoint(last.AtMs, limit);
            }
            else if (last.Limit != limit)
            {
                _points.Add(new ConcurrencyPoint(at, limit));
            }

            if (_points.Count > MaxPoints)
            {
                Thin();
            }
        }
    }

    public IReadOnlyList<ConcurrencyPoint> Points()
    {
        lock (_lock)
        {
            return [.. _points];
        }
    }

    /// <summary>
    /// The limit the run settled at: the time-weighted mean of the limit over the second half of the run (up to now),
    /// rounded; the ceiling when it never moved.
    /// </summary>
    public int Settled()
    {
        long end = (long)_time.GetElapsedTime(_start).TotalMilliseconds;
        IReadOnlyList<ConcurrencyPoint> points = Points();
        long from = end / 2;
        double weighted = 0;
        for (int i = 0; i < points.Count; i++)
        {
            long segmentStart = Math.Max(points[i].AtMs, from);
            long segmentEnd = i + 1 < points.Count ? points[i + 1].AtMs : end;
            if (segmentEnd > segmentStart)
            {
                weighted += points[i].Limit * (double)(segmentEnd - segmentStart);
            }
        }

        return end - from > 0 ? (int)Math.Round(weighted / (end - from)) : points[^1].Limit;
    }

    private void Thin()
    {
        _spacingMs *= 2;
        var kept = new List<ConcurrencyPoint> { _points[0] };
        foreach (ConcurrencyPoint point in _points.Skip(1))
        {
            if (point.AtMs - kept[^1].AtMs < _spacingMs && kept.Count > 1)
            {
                kept[^1] = kept[^1] with { Limit = point.Limit };
            }
            else
            {
                kept.Add(point);
            }
        }

        _points.Clear();
        _points.AddRange(kept);
    }
}
