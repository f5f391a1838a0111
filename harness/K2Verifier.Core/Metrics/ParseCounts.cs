using K2Verifier.Results;

namespace K2Verifier.Metrics;

/// <summary>
/// summary.json's <c>parse</c>: what the in-process parse step (raw completions, the local engine, the simulator) did
/// across the run, counted from the rows' <c>parse</c> objects.
/// </summary>
/// <param name="RowsParsed">Rows whose completion was parsed in process.</param>
/// <param name="FinishReasonChanged">Rows whose finish_reason differs from the server's own.</param>
/// <param name="IncompleteToolCallRows">Rows whose output stopped inside a tool call.</param>
/// <param name="IncompleteToolCalls">Tool calls begun and never ended, over all rows.</param>
public sealed record ParseCounts(int RowsParsed, int FinishReasonChanged, int IncompleteToolCallRows, int IncompleteToolCalls)
{
    /// <summary>The counts over <paramref name="rows"/>; null when no row was parsed in process.</summary>
    public static ParseCounts? Of(IEnumerable<CaseOutcome> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var reports = rows.Select(r => r.Parse).OfType<ParseReport>().ToList();
        return reports.Count == 0
            ? null
            : new ParseCounts(
                reports.Count,
                reports.Count(r => r.FinishReasonChanged is not null),
                reports.Count(r => r.IncompleteToolCalls > 0),
                reports.Sum(r => r.IncompleteToolCalls));
    }
}
