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
    private int _rows;

    public TimeSpan First { get; private set; }

    public TimeSpan FirstWave { get; private set; }

    public TimeSpan Last { get; private set; }

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
