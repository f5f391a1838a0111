using System.Globalization;

namespace K2Verifier.Backends.Http;

/// <summary>
/// Counts the endpoint failures (connection errors, timeouts, 5xx) since the last attempt that reached a live
/// endpoint, across all requests of a run, so the circuit breaker can say what kept failing when it opens.
/// </summary>
internal sealed class EndpointHealth
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private int _consecutive;
    private string? _openedBecause;

    public void RecordFailure(string label)
    {
        lock (_lock)
        {
            _consecutive++;
            _failures[label] = _failures.GetValueOrDefault(label) + 1;
        }
    }

    public void RecordSuccess()
    {
        lock (_lock)
        {
            _consecutive = 0;
            _failures.Clear();
        }
    }

    /// <summary>Freezes the description when the breaker opens (later failures must not change the story).</summary>
    public void MarkOpened()
    {
        lock (_lock)
        {
            _openedBecause = DescribeCurrent();
        }
    }

    /// <summary>E.g. "connection refused on 20 consecutive attempts".</summary>
    public string Describe()
    {
        lock (_lock)
        {
            return _openedBecause ?? DescribeCurrent();
        }
    }

    private string DescribeCurrent()
    {
        if (_failures.Count == 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{_failures.Keys.First()} on {_consecutive} consecutive attempts");
        }

        string parts = string.Join(", ", _failures.OrderByDescending(p => p.Value).Select(p => $"{p.Key} ×{p.Value}"));
        return string.Create(CultureInfo.InvariantCulture, $"{_consecutive} consecutive failed attempts ({parts})");
    }
}
