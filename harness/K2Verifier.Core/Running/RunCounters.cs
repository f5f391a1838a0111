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

    public RunProgress Record(CaseResult row)
    {
        lock (_lock)
        {
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

            return new RunProgress(Math.Max(Total, _done), _done, _stop, _toolCalls, _invalid, _failed, time.GetElapsedTime(startTimestamp));
        }
    }
}
