using System.Diagnostics;
using K2Verifier.Dataset;
using K2Verifier.Results;
using K2Verifier.Running;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>
/// When the first row, the row that fills the first wave (one per slot of <c>--concurrency</c>) and the last row were
/// written, on the run's own watch: what a slow vendor's run spends beyond the ideal shows where it goes (a slow start,
/// a slow steady state, or the end).
/// </summary>
internal sealed class RowTimes(Stopwatch watch, int wave) : IRunObserver
{
    private readonly List<(double SentAt, double DurationMs)> _firstWave = [];
    private readonly List<(double TtftMs, double DurationMs)> _all = [];
    private int _rows;

    public TimeSpan First { get; private set; }

    public TimeSpan FirstWave { get; private set; }

    public TimeSpan Last { get; private set; }

    /// <summary>
    /// When the first wave's requests were sent (their row's time less their duration) and how long they took: a late
    /// first wave is a slow start of sending, a long one a slow reply.
    /// </summary>
    public string DescribeFirstWave()
    {
        lock (_firstWave)
        {
            if (_firstWave.Count == 0)
            {
                return "no rows";
            }

            var sent = _firstWave.Select(r => r.SentAt).Order().ToList();
            var durations = _firstWave.Select(r => r.DurationMs).Order().ToList();
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"sent at {sent[0]:0.00}–{sent[^1]:0.00} s (median {sent[sent.Count / 2]:0.00} s), durations median {durations[durations.Count / 2]:0} ms, max {durations[^1]:0} ms");
        }
    }

    /// <summary>Medians over every row: time to the first token and duration (a reply's own share of the run).</summary>
    public string DescribeAll()
    {
        lock (_all)
        {
            var ttft = _all.Select(r => r.TtftMs).Where(t => !double.IsNaN(t)).Order().ToList();
            var durations = _all.Select(r => r.DurationMs).Order().ToList();
            return ttft.Count == 0 || durations.Count == 0 ? "no rows" : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"time to first token median {ttft[ttft.Count / 2]:0} ms (p90 {ttft[ttft.Count * 9 / 10]:0}), duration median {durations[durations.Count / 2]:0} ms (p90 {durations[durations.Count * 9 / 10]:0})");
        }
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
        var rows = Interlocked.Increment(ref _rows);
        lock (_all)
        {
            _all.Add((result.TtftMs ?? double.NaN, result.DurationMs));
        }

        if (rows <= wave)
        {
            lock (_firstWave)
            {
                _firstWave.Add((now.TotalSeconds - (result.DurationMs / 1000.0), result.DurationMs));
            }
        }

        if (rows == 1)
        {
            First = now;
        }

        if (rows == wave)
        {
            FirstWave = now;
        }

        Last = now;
    }
}
