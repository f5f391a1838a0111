using K2Verifier.Baselines;
using K2Verifier.Metrics;
using K2Verifier.Validation.CrossCheck;

namespace K2Verifier.Results;

/// <summary>
/// A results file read once and judged once: one outcome per readable row (in file order), the unreadable count, the
/// model named by the first row, and what the read was asked to gather besides (<see cref="JournalReadOptions"/>).
/// Every exporter of a command is handed this one object.
/// </summary>
public sealed record ScoredJournal(IReadOnlyList<CaseOutcome> Outcomes, int UnreadableRows, string? Model)
{
    private IReadOnlyList<CaseOutcome>? _latest;

    /// <summary>One outcome per data_index (<see cref="LatestRun"/>'s rule), in data_index order.</summary>
    public IReadOnlyList<CaseOutcome> Latest
    {
        get => _latest ??= MetricsCalculator.Latest(Outcomes);
        init => _latest = value;
    }

    /// <summary>The whole rows kept by <see cref="JournalReadOptions.KeepRow"/>, by data_index (latest rows only).</summary>
    public IReadOnlyDictionary<int, CaseResult> Rows { get; init; } = new Dictionary<int, CaseResult>();

    /// <summary>Where each latest row lies in the file, in data_index order: compaction copies these bytes without reading the file again.</summary>
    public IReadOnlyList<JournalSpan> Spans { get; init; } = [];

    /// <summary>The calls whose verdict depends on the validator (<see cref="JournalReadOptions.CrossCheck"/>), latest rows only; null when not cross-checked.</summary>
    public IReadOnlyList<ValidatorSensitiveCall>? SensitiveCalls { get; init; }

    /// <summary>The summary of these rows; <paramref name="run"/>'s model defaults to the one the rows name.</summary>
    public RunSummary Summarize(RunInfo run, Baseline? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var summary = MetricsCalculator.Calculate(Outcomes, run.Model is null ? run with { Model = Model } : run, UnreadableRows, baseline);
        return SensitiveCalls is null ? summary : summary with { ValidatorSensitiveCalls = SensitiveCalls.Count, ValidatorSensitive = SensitiveCalls };
    }
}
