using K2Verifier.Baselines;
using K2Verifier.Results;

namespace K2Verifier.EarlyStop;

/// <summary>The 0/1 properties of one row that the summary counts, with the summary's own rules.</summary>
public enum RowCell
{
    /// <summary>status success (<c>success_count</c>).</summary>
    Success,

    /// <summary>status failed (<c>failure_count</c>).</summary>
    Failed,

    /// <summary>finish_reason stop (<c>finish_stop</c>).</summary>
    Stop,

    /// <summary>finish_reason tool_calls (<c>finish_tool_calls</c>).</summary>
    ToolCalls,

    /// <summary>any other finish_reason (<c>finish_others</c>).</summary>
    Others,

    /// <summary>tool_calls with every call valid (<c>successful_tool_call_count</c>).</summary>
    Valid,

    /// <summary>tool_calls with an invalid call (<c>schema_validation_error_count</c>).</summary>
    Invalid,

    /// <summary>both tool_calls (against the baseline).</summary>
    Tp,

    /// <summary>ours tool_calls, the baseline's not.</summary>
    Fp,

    /// <summary>the baseline's tool_calls, ours not.</summary>
    Fn,

    /// <summary>neither tool_calls.</summary>
    Tn,
}

/// <summary>Which <see cref="RowCell"/>s a row is in.</summary>
public static class RowCells
{
    /// <summary>True when <paramref name="row"/> has <paramref name="cell"/> (trigger cells need the baseline entry of a successful row).</summary>
    public static bool Has(RowCell cell, CaseResult row, Baseline? baseline)
    {
        ArgumentNullException.ThrowIfNull(row);
        return cell switch
        {
            RowCell.Success => row.IsSuccess,
            RowCell.Failed => !row.IsSuccess,
            RowCell.Stop => row.FinishReason == "stop",
            RowCell.ToolCalls => row.FinishReason == "tool_calls",
            RowCell.Others => row.FinishReason is not (null or "stop" or "tool_calls"),
            RowCell.Valid => row.FinishReason == "tool_calls" && row.ToolCallsValid == true,
            RowCell.Invalid => row.FinishReason == "tool_calls" && row.ToolCallsValid != true,
            _ => Trigger(cell, row, baseline),
        };
    }

    private static bool Trigger(RowCell cell, CaseResult row, Baseline? baseline)
    {
        if (baseline is null || !row.IsSuccess || !baseline.Entries.TryGetValue(row.DataIndex, out var reference) || reference.Failed)
        {
            return false;
        }

        var ours = row.FinishReason == "tool_calls";
        return cell switch
        {
            RowCell.Tp => ours && reference.IsToolCall,
            RowCell.Fp => ours && !reference.IsToolCall,
            RowCell.Fn => !ours && reference.IsToolCall,
            _ => !ours && !reference.IsToolCall,
        };
    }
}
