using K2Verifier.Baselines;
using K2Verifier.Metrics;

namespace K2Verifier.Results;

/// <summary>A results file re-judged: one outcome per readable row (in file order), the unreadable count, and the model named by the first row.</summary>
public sealed record ScoredJournal(IReadOnlyList<CaseOutcome> Outcomes, int UnreadableRows, string? Model)
{
    /// <summary>The summary of these rows; <paramref name="run"/>'s model defaults to the one the rows name.</summary>
    public RunSummary Summarize(RunInfo run, Baseline? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        return MetricsCalculator.Calculate(Outcomes, run.Model is null ? run with { Model = Model } : run, UnreadableRows, baseline);
    }
}
