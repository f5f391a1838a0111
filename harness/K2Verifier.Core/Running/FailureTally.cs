using K2Verifier.Dataset;
using K2Verifier.Results;

namespace K2Verifier.Running;

/// <summary>
/// Counts the failed rows of a run by kind (category and status) as they finish, so the end of the run can name the
/// dominant failure; <see cref="Observe"/> puts it in front of a progress observer. Thread-safe.
/// </summary>
public sealed class FailureTally
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string, int?), FailureKind> _kinds = [];
    private int _succeeded;

    /// <summary>Rows that succeeded so far.</summary>
    public int Succeeded => Volatile.Read(ref _succeeded);

    /// <summary>Rows that failed so far.</summary>
    public int Failed
    {
        get
        {
            lock (_lock)
            {
                return _kinds.Values.Sum(k => k.Count);
            }
        }
    }

    /// <summary>The most frequent kind of failure (the first seen on a tie); null when nothing failed.</summary>
    public FailureKind? Dominant
    {
        get
        {
            lock (_lock)
            {
                return _kinds.Values.OrderByDescending(k => k.Count).FirstOrDefault();
            }
        }
    }

    /// <summary>Notes one finished row.</summary>
    public void Record(CaseResult row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.IsSuccess || row.Error is not { } error)
        {
            Interlocked.Increment(ref _succeeded);
            return;
        }

        lock (_lock)
        {
            var key = (error.Category, error.StatusCode);
            _kinds[key] = _kinds.TryGetValue(key, out var kind)
                ? kind with { Count = kind.Count + 1 }
                : new FailureKind(error.Category, error.StatusCode, 1, error.Message);
        }
    }

    /// <summary>
    /// <paramref name="inner"/>, with every finished row recorded here first. When the first
    /// <paramref name="earlyAfter"/> rows all failed, <paramref name="early"/> hears the dominant kind once (so the
    /// hint comes while the run goes on, not only at its end).
    /// </summary>
    public IRunObserver Observe(IRunObserver inner, Action<FailureKind>? early = null, int earlyAfter = 10) =>
        new TallyingObserver(this, inner, early, earlyAfter);

    private sealed class TallyingObserver(FailureTally tally, IRunObserver inner, Action<FailureKind>? early, int earlyAfter) : IRunObserver
    {
        private int _warned;

        public void DatasetLineSkipped(DatasetRecord record) => inner.DatasetLineSkipped(record);

        public void Started(int datasetLines) => inner.Started(datasetLines);

        public void Quiet(RunProgress progress, TimeSpan quietFor) => inner.Quiet(progress, quietFor);

        public void CaseFinished(CaseResult result, RunProgress progress)
        {
            tally.Record(result);
            inner.CaseFinished(result, progress);
            if (early is not null && tally.Succeeded == 0 && tally.Failed >= earlyAfter && tally.Dominant is { } dominant
                && Interlocked.Exchange(ref _warned, 1) == 0)
            {
                early(dominant);
            }
        }
    }
}
