using K2Verifier.Gates;
using K2Verifier.Published;

namespace K2Verifier.Reports.Model;

/// <summary>
/// What a report shows, built once from the results journals (<see cref="ReportModelBuilder"/>) and handed to every
/// exporter: the runs in the order given, the published K2VV providers of the matching table, and the history trend.
/// </summary>
public sealed record ReportModel
{
    /// <summary>The report's title.</summary>
    public required string Title { get; init; }

    /// <summary>The runs, in the order given on the command line.</summary>
    public required IReadOnlyList<ReportRun> Runs { get; init; }

    /// <summary>The published table the runs are placed in (<c>k2-0905</c>, <c>k2-thinking</c>), or null.</summary>
    public string? PublishedTable { get; init; }

    /// <summary>The providers of <see cref="PublishedTable"/> in the table's order (empty without a table).</summary>
    public IReadOnlyList<PublishedVendor> PublishedVendors { get; init; } = [];

    /// <summary>Earlier summaries (<c>--history</c>) and then the runs, oldest first (empty without history).</summary>
    public IReadOnlyList<HistoryPoint> History { get; init; } = [];

    /// <summary>The baseline file the trigger metrics were computed against, or null.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>Gate verdicts on an aggregate of the runs (see <see cref="ReportOptions.AggregateGates"/>); null when none.</summary>
    public AggregateGates? AggregateGates { get; init; }

    /// <summary>True when any gate was checked, per run or on the aggregate.</summary>
    public bool HasGates => AggregateGates is { Results.Count: > 0 } || Runs.Any(r => r.Gates.Count > 0);

    /// <summary>
    /// The gate rows as (run label, verdict): the aggregate's first, then each run's. The failed count of a report
    /// headline counts the aggregate's when there is one (they decide the exit code), else every run's.
    /// </summary>
    public IReadOnlyList<(string Run, GateResult Result)> GateRows =>
        [.. (AggregateGates?.Results ?? []).Select(g => (AggregateGates!.Label, g)), .. Runs.SelectMany(r => r.Gates.Select(g => (r.Label, g)))];

    /// <summary>Failed gates that decide the outcome: the aggregate's when there is one, else every run's.</summary>
    public int DecidingGateFailures => AggregateGates is { } aggregate ? aggregate.Results.Count(g => !g.Passed) : Runs.Sum(r => r.Gates.Count(g => !g.Passed));

    /// <summary>Drill-down details were embedded for this many problem rows (see <see cref="ReportRow.Detail"/>).</summary>
    public int DetailedRows => Runs.Sum(r => r.Rows.Count(row => row.Detail is not null));

    /// <summary>Problem rows over all runs (failed, invalid, or different from the baseline).</summary>
    public int ProblemRows => Runs.Sum(r => r.Rows.Count(row => row.IsProblem));

    /// <summary>Invalid-call categories seen in any run (sorted).</summary>
    public IReadOnlyList<string> InvalidCallCategories => Union(r => r.Summary.ErrorCategories.Keys);

    /// <summary>Failed-request categories seen in any run (sorted).</summary>
    public IReadOnlyList<string> FailureCategories => Union(r => r.Summary.FailureCategories.Keys);

    /// <summary>Wire finding codes seen in any run, in the order of <see cref="Wire.WireCodes.All"/>.</summary>
    public IReadOnlyList<string> WireCodes =>
        [.. K2Verifier.Wire.WireCodes.All.Select(c => c.Code).Where(c => Runs.Any(r => r.Summary.Wire.Codes.ContainsKey(c)))];

    /// <summary>Dataset categories of any run (sorted; empty without categories).</summary>
    public IReadOnlyList<string> DatasetCategories => Union(r => r.Summary.Categories.Keys);

    /// <summary>The acceptance line for tool_call_f1 from the published table, or null without one.</summary>
    public double? AcceptanceF1 => PublishedVendors.Count > 0 ? PublishedVendors[0].AcceptanceF1 : Runs.Select(r => r.Summary.Published?.AcceptanceF1).FirstOrDefault(a => a is not null);

    private List<string> Union(Func<ReportRun, IEnumerable<string>> keys) =>
        [.. Runs.SelectMany(keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
