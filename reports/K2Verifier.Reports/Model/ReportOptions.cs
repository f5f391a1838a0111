using K2Verifier.Baselines;
using K2Verifier.Gates;

namespace K2Verifier.Reports.Model;

/// <summary>How a report is built. Immutable; built once by the CLI.</summary>
public sealed record ReportOptions
{
    /// <summary>The reference for trigger precision/recall/F1 and the baseline column. Default: none.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>The published K2VV table to compare with; null infers it from the model name. Default: null.</summary>
    public string? PublishedTable { get; init; }

    /// <summary>A folder of earlier summary.json files for the trend chart. Default: none.</summary>
    public string? HistoryDirectory { get; init; }

    /// <summary>Gates checked on each run's summary. Default: none.</summary>
    public IReadOnlyList<GateExpression> Gates { get; init; } = [];

    /// <summary>
    /// Gate verdicts on an aggregate of the runs that decide the exit code (<c>run --repeat N</c>: the means), shown
    /// above the per-run verdicts and counted in the headline instead of them. Default: null, none.
    /// </summary>
    public AggregateGates? AggregateGates { get; init; }

    /// <summary>The report's title. Default: <c>K2Verifier report</c>.</summary>
    public string Title { get; init; } = "K2Verifier report";

    /// <summary>Problem rows that get a drill-down (request and response) over the whole report, shared among the runs. Default: 2,000.</summary>
    public int MaxDetailRows { get; init; } = 2000;

    /// <summary>Characters kept of each request or response in a drill-down. Default: 12,000.</summary>
    public int MaxDetailChars { get; init; } = 12_000;

    /// <summary>Characters of drill-down text over the whole report; rows past it get none. Default: 8,000,000.</summary>
    public long MaxDetailBudgetChars { get; init; } = 8_000_000;
}
