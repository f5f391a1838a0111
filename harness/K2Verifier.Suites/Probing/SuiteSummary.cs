using System.Text.Json;

namespace K2Verifier.Suites.Probing;

/// <summary>
/// <c>suite-NAME.json</c>: KVV's counts (by status, by reason, by mode) plus ours (status × mode, status per schema
/// feature, required failures, the failing attempts), derived from the journal's rows alone.
/// </summary>
public sealed record SuiteSummary
{
    /// <summary>The suite's name.</summary>
    public required string Suite { get; init; }

    /// <summary>The model name sent.</summary>
    public string? Model { get; init; }

    /// <summary>The endpoint (no credentials).</summary>
    public string? Endpoint { get; init; }

    /// <summary><c>completed</c>, <c>cancelled</c> or <c>endpoint_unavailable</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>Attempts recorded.</summary>
    public int Total { get; init; }

    /// <summary>Attempts whose answer was the expected one.</summary>
    public int Passed { get; init; }

    /// <summary>Required attempts that did not pass (rejected schemas are counted apart).</summary>
    public int RequiredFailed { get; init; }

    /// <summary>Attempts sent by this run (the rest were kept by <c>--incremental</c>).</summary>
    public int RequestsSent { get; init; }

    /// <summary>Wall time of this run.</summary>
    public long DurationMs { get; init; }

    /// <summary>Counts by status word.</summary>
    public required IReadOnlyDictionary<string, int> ByStatus { get; init; }

    /// <summary>Counts by reason.</summary>
    public required IReadOnlyDictionary<string, int> ByReason { get; init; }

    /// <summary>Counts by mode (<c>stream</c>, <c>non-stream</c>).</summary>
    public required IReadOnlyDictionary<string, int> ByMode { get; init; }

    /// <summary>Status counts per mode.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ByStatusAndMode { get; init; }

    /// <summary>Status counts per feature tag (schema features; empty for suites without tags).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ByFeature { get; init; }

    /// <summary>Each probe (all attempts folded): passed attempts of total, and the first failing attempt's detail.</summary>
    public required IReadOnlyList<ProbeSummary> Probes { get; init; }

    /// <summary>Builds the summary of <paramref name="report"/>.</summary>
    public static SuiteSummary Of(SuiteReport report, string? model, string? endpoint)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = report.Rows;
        return new SuiteSummary
        {
            Suite = report.Suite,
            Model = model,
            Endpoint = endpoint,
            Outcome = JsonNamingPolicy.SnakeCaseLower.ConvertName(report.Outcome.ToString()),
            Total = rows.Count,
            Passed = rows.Count(r => r.Passed),
            RequiredFailed = rows.Count(r => r.Required && !r.Passed && r.Status != ProbeStatus.Rejected),
            RequestsSent = report.Sent,
            DurationMs = report.DurationMs,
            ByStatus = Count(rows, r => r.Status),
            ByReason = Count(rows, r => r.Reason),
            ByMode = Count(rows, r => r.Mode),
            ByStatusAndMode = rows.GroupBy(r => r.Mode).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)Count(g, r => r.Status), StringComparer.Ordinal),
            ByFeature = rows.SelectMany(r => r.Features.Select(f => (Feature: f, Row: r))).GroupBy(p => p.Feature).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)Count(g.Select(p => p.Row), r => r.Status), StringComparer.Ordinal),
            Probes = [.. rows.GroupBy(r => r.Probe).Select(ProbeSummary.Of)],
        };
    }

    private static Dictionary<string, int> Count(IEnumerable<ProbeRow> rows, Func<ProbeRow, string> key) =>
        rows.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
