using System.Diagnostics;
using System.Globalization;
using K2Verifier.Dataset;
using K2Verifier.Metrics;
using K2Verifier.Results;
using K2Verifier.Running;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>
/// Every row's time on the run's own watch, with its duration and time to the first token, in the order written: when
/// the first row, the row that fills the first wave (one per slot of <c>--concurrency</c>) and the last row came, when
/// the first wave was sent and how long replies took show where a slow vendor's run spends beyond the ideal (a slow
/// start, a slow steady state, or the end).
/// </summary>
internal sealed class RowTimes(Stopwatch watch, int wave) : IRunObserver
{
    private readonly List<(TimeSpan At, long? TtftMs, long DurationMs)> _rows = [];

    public TimeSpan First => At(0);

    public TimeSpan FirstWave => At(wave - 1);

    public TimeSpan Last => At(int.MaxValue);

    /// <summary>
    /// When the first wave's requests were sent (their row's time less their duration) and how long they took: a late
    /// first wave is a slow start of sending, a long one a slow reply.
    /// </summary>
    public string DescribeFirstWave()
    {
        var first = Snapshot().Take(wave).ToList();
        var sent = first.Select(r => (long)(r.At.TotalMilliseconds - r.DurationMs)).Order().ToList();
        return Percentiles.Summarize(first.Select(r => r.DurationMs)) is { } durations
            ? string.Create(CultureInfo.InvariantCulture,
                $"sent at {sent[0] / 1000.0:0.00}–{sent[^1] / 1000.0:0.00} s (median {Percentiles.Of(sent, 50) / 1000.0:0.00} s), durations median {durations.P50:0} ms, max {durations.Max} ms")
            : "no rows";
    }

    /// <summary>Over every row: time to the first token and duration (a reply's own share of the run).</summary>
    public string DescribeAll()
    {
        var rows = Snapshot();
        return Percentiles.Summarize(rows.Where(r => r.TtftMs is not null).Select(r => r.TtftMs!.Value)) is { } ttft
            && Percentiles.Summarize(rows.Select(r => r.DurationMs)) is { } durations
            ? string.Create(CultureInfo.InvariantCulture,
                $"time to first token median {ttft.P50:0} ms (p90 {ttft.P90:0}), duration median {durations.P50:0} ms (p90 {durations.P90:0})")
            : "no rows";
    }

    public void DatasetLineSkipped(DatasetRecord record)
    {
    }

    public void Started(int datasetLines)
    {
    }

    public void CaseFinished(CaseResult result, RunProgress progress)
    {
        var now = watch.Elapsed;
        lock (_rows)
        {
            _rows.Add((now, result.TtftMs, result.DurationMs));
        }
    }

    private List<(TimeSpan At, long? TtftMs, long DurationMs)> Snapshot()
    {
        lock (_rows)
        {
            return [.. _rows];
        }
    }

    /// <summary>The time of row <paramref name="index"/> (0-based), or of the last row when there are fewer.</summary>
    private TimeSpan At(int index)
    {
        lock (_rows)
        {
            return _rows.Count == 0 ? TimeSpan.Zero : _rows[Math.Min(index, _rows.Count - 1)].At;
        }
    }
}
