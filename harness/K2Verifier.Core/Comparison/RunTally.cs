using K2Verifier.Metrics;

namespace K2Verifier.Comparison;

/// <summary>Counts over a set of rows from which every compared metric is derived (one pass, cheap to resample).</summary>
internal struct RunTally
{
    public int Rows;
    public int Success;
    public int ToolCalls;
    public int Valid;
    public ConfusionCounts Trigger;

    public void Add(Results.CaseOutcome row, bool? referenceIsToolCall)
    {
        Rows++;
        var isToolCall = row.FinishReason == "tool_calls";
        if (row.IsSuccess)
        {
            Success++;
        }

        if (isToolCall)
        {
            ToolCalls++;
            if (row.ToolCallsValid == true)
            {
                Valid++;
            }
        }

        if (referenceIsToolCall is { } reference && row.IsSuccess)
        {
            Trigger = Trigger.Add(isToolCall, reference);
        }
    }

    public readonly double? Value(string metric) => metric switch
    {
        "success_rate" => Rows == 0 ? null : (double)Success / Rows,
        "tool_calls_rate" => Rows == 0 ? null : (double)ToolCalls / Rows,
        "schema_accuracy" => ToolCalls == 0 ? null : (double)Valid / ToolCalls,
        "tool_call_f1" => Trigger.F1,
        "tool_call_precision" => Trigger.Precision,
        "tool_call_recall" => Trigger.Recall,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown comparison metric"),
    };
}
