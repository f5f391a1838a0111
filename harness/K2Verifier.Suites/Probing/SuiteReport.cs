using K2Verifier.Running;

namespace K2Verifier.Suites.Probing;

/// <summary>What a suite run left: the outcome, the latest row per attempt (from the journal) and the figures.</summary>
/// <param name="Suite">The suite's name.</param>
/// <param name="Outcome">Completed, cancelled, or stopped because the endpoint was unavailable.</param>
/// <param name="Message">Why the run stopped early, when it did.</param>
/// <param name="Rows">The journal's latest row per attempt of this suite.</param>
/// <param name="Sent">Attempts sent in this run (fewer than the rows with <c>--incremental</c>).</param>
/// <param name="DurationMs">Wall time of this run.</param>
/// <param name="JournalPath">The journal.</param>
public sealed record SuiteReport(string Suite, RunOutcome Outcome, string? Message, IReadOnlyList<ProbeRow> Rows, int Sent, long DurationMs, string JournalPath)
{
    /// <summary>True when a required attempt did not pass.</summary>
    public bool RequiredFailed => Rows.Any(r => r.Required && !r.Passed && r.Status != ProbeStatus.Rejected);
}
