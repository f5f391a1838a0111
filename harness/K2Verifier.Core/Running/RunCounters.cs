using K2Verifier.Results;

namespace K2Verifier.Running;

/// <summary>Thread-safe live counts of a run, turned into <see cref="RunProgress"/> snapshots.</summary>
internal sealed class RunCounters(TimeProvider time, long startTimestamp)
{
    private readonly Lock _lock = new();
    private int _done;
    private int _stop;
    private int _toolCalls;
    private int _invalid;
    private int _failed;
    private int _inFlight;
    private long _lastCompletion = long.MinValue; // none yet: the run's start counts

    /// <summary>Requests expected this run; lowered as lines are skipped or kept.</summary>
    public int Total { get; set; }

    public int Done => Volatile.Read(ref _done);

    public int Skipped { get; private set; }

    public int Kept { get; private set; }

    public void Skip()
    {
        lock (_lock)
        {
            Skipped++;
            Total--;
        }
    }

    public void Keep()
    {
        lock (_lock)
        {
            Kept++;
            Total--;
        }
    }

    /// <summary>A request that belongs to another shard: not part of this run.</summary>
    public void Exclude()
    {
        lock (_lock)
        {
            Total--;
        }
    }

    public void BeginRequest() => Interlocked.Increment(ref _inFlight);

    public void EndRequest() => Interlocked.Decrement(ref _inFlight);

    /// <summary>How long no request has completed, when that is at least <paramref name="threshold"/> and some are in flight; else null.</summary>
    public TimeSpan? QuietFor(TimeSpan threshold)
    {
        lock (_lock)
        {
            var quiet = time.GetElapsedTime(_lastCompletion == long.MinValue ? startTimestamp : _lastCompletion);
            return Volatile.Read(ref _inFlight) > 0 && quiet >= threshold ? quiet : null;
        }
    }

    public RunProgress Snapshot()
    {
        lock (_lock)
        {
            return Progress();
        }
    }

    public RunProgress Record(CaseResult row)
    {
        lock (_lock)
        {
            _lastCompletion = time.GetTimestamp();
            _done++;
            if (!row.IsSuccess)
            {
                _failed++;
            }
            else if (row.FinishReason == "stop")
            {
                _stop++;
            }
            else if (row.FinishReason == "tool_calls")
            {
                _toolCalls++;
                if (row.ToolCallsValid != true)
                {
                    _invalid++;
                }
            }

            return Progress();
        }
    }

    private RunProgress Progress() =>
        new(Math.Max(Total, _done), _done, _stop, _toolCalls, _invalid, _failed, time.GetElapsedTime(startTimestamp)) { InFlight = Volatile.Read(ref _inFlight) };
}
