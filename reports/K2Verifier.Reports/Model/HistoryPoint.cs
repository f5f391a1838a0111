namespace K2Verifier.Reports.Model;

/// <summary>One point of the trend chart: an earlier summary.json (or a run of this report).</summary>
/// <param name="Label">The x label: the start time to the minute, else the file name.</param>
/// <param name="StartedAt">eval_started_at, the sort key.</param>
/// <param name="Source">The summary file, or the run's label.</param>
/// <param name="Model">The model the summary names.</param>
/// <param name="ToolCallF1">tool_call_f1 (null without a baseline).</param>
/// <param name="SchemaAccuracy">schema_accuracy (null without tool_calls).</param>
/// <param name="SuccessRate">success_count / total_rows (null without rows).</param>
public sealed record HistoryPoint(string Label, string? StartedAt, string Source, string? Model, double? ToolCallF1, double? SchemaAccuracy, double? SuccessRate)
{
    /// <summary>The full path of the results journal the point was computed from, when known.</summary>
    public string? Results { get; init; }
}
