using K2Verifier.Metrics;

namespace K2Verifier.Running;

/// <summary>What a run produced: its outcome, the summary of the journal, the outcome of the latest row of each data_index (the compacted journal: an --incremental run's superseded failures are not among them), and the files written.</summary>
public sealed record RunReport(RunOutcome Outcome, RunSummary Summary, IReadOnlyList<Results.CaseOutcome> Outcomes, string ResultsPath, string SummaryPath, string? Message = null)
{
    /// <summary>The journal as it was read and judged at the end of the run (handed to every exporter); null when none was read.</summary>
    public Results.ScoredJournal? Journal { get; init; }
}
