using System.Diagnostics.Metrics;
using K2Verifier.Results;

namespace K2Verifier.Cli.Tests.Infrastructure;

/// <summary>
/// Counts, on <see cref="ResultsDiagnostics"/>' meter, the JSONL scans and judged tool calls made by the code this
/// test runs (its own async flow only, so tests running beside it do not count).
/// </summary>
internal sealed class ResultsWorkCounter : IDisposable
{
    private static readonly AsyncLocal<ResultsWorkCounter?> Current = new();
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, int> _scans = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _judged;

    public ResultsWorkCounter()
    {
        Current.Value = this;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ResultsDiagnostics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (Current.Value is not { } counter)
            {
                return;
            }

            counter.Record(instrument.Name, value, tags);
        });
        _listener.Start();
    }

    /// <summary>Tool calls judged since the counter started (or was reset).</summary>
    public long Judged
    {
        get
        {
            lock (_gate)
            {
                return _judged;
            }
        }
    }

    /// <summary>Full scans of <paramref name="path"/> since the counter started (or was reset).</summary>
    public int Scans(string path)
    {
        lock (_gate)
        {
            return _scans.GetValueOrDefault(Path.GetFullPath(path));
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _scans.Clear();
            _judged = 0;
        }
    }

    public void Dispose()
    {
        Current.Value = null;
        _listener.Dispose();
    }

    private void Record(string instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var path = string.Empty;
        foreach (var tag in tags)
        {
            if (tag.Key == "path")
            {
                path = tag.Value as string ?? string.Empty;
            }
        }

        lock (_gate)
        {
            if (instrument == "k2verifier.jsonl.scans")
            {
                _scans[path] = _scans.GetValueOrDefault(path) + (int)value;
            }
            else
            {
                _judged += value;
            }
        }
    }
}
