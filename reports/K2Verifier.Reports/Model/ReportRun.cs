using K2Verifier.Gates;
using K2Verifier.Metrics;

namespace K2Verifier.Reports.Model;

/// <summary>One run of a report: its label, where it came from, its summary (re-scored from the journal), rows and gates.</summary>
public sealed record ReportRun
{
    /// <summary>The name shown for the run (<c>--label</c>, else the model, else the file name; unique in a report).</summary>
    public required string Label { get; init; }

    /// <summary>The results file the run was read from.</summary>
    public required string Source { get; init; }

    /// <summary>The summary computed from the journal (as <c>score</c> computes it).</summary>
    public required RunSummary Summary { get; init; }

    /// <summary>One row per data_index (the latest attempt), in data_index order.</summary>
    public required IReadOnlyList<ReportRow> Rows { get; init; }

    /// <summary>The gates checked on this run's summary (empty when none were given).</summary>
    public IReadOnlyList<GateResult> Gates { get; init; } = [];
}
