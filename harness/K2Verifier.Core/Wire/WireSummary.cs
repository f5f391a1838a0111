namespace K2Verifier.Wire;

/// <summary>
/// The wire findings of a run counted (summary.json's <c>wire</c> object, next to K2VV's keys, which it never
/// changes): findings by severity and by code, rows affected, and the calls on <c>length</c> rows.
/// </summary>
public sealed record WireSummary
{
    /// <summary>No findings.</summary>
    public static WireSummary Empty { get; } = new();

    /// <summary>Findings of severity error.</summary>
    public int Errors { get; init; }

    /// <summary>Findings of severity warn.</summary>
    public int Warnings { get; init; }

    /// <summary>Findings of severity info.</summary>
    public int Infos { get; init; }

    /// <summary>Rows with at least one finding of severity error or warn.</summary>
    public int RowsWithFindings { get; init; }

    /// <summary>Rows with at least one error.</summary>
    public int RowsWithErrors { get; init; }

    /// <summary>Findings of code <c>leaked_marker</c> (the gate <c>wire.leaked_markers</c>).</summary>
    public int LeakedMarkers { get; init; }

    /// <summary>Tool calls on rows that ended with <c>length</c> (judged apart from K2VV's counts).</summary>
    public int LengthCalls { get; init; }

    /// <summary>Of <see cref="LengthCalls"/>, how many have cut-off (non-JSON) arguments.</summary>
    public int LengthCallsCutOff { get; init; }

    /// <summary>Findings by code (codes that never fired are absent).</summary>
    public IReadOnlyDictionary<string, int> Codes { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Rows affected by code.</summary>
    public IReadOnlyDictionary<string, int> Rows { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Counts the findings of <paramref name="rows"/> (one list per row).</summary>
    public static WireSummary Count(IEnumerable<IReadOnlyList<WireFinding>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var codes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var rowCounts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int errors = 0, warnings = 0, infos = 0, withFindings = 0, withErrors = 0;
        foreach (var findings in rows)
        {
            errors += findings.Count(f => f.Severity == WireSeverity.Error);
            warnings += findings.Count(f => f.Severity == WireSeverity.Warn);
            infos += findings.Count(f => f.Severity == WireSeverity.Info);
            withFindings += findings.Any(f => f.Severity != WireSeverity.Info) ? 1 : 0;
            withErrors += findings.Any(f => f.Severity == WireSeverity.Error) ? 1 : 0;
            foreach (var finding in findings)
            {
                codes[finding.Code] = codes.GetValueOrDefault(finding.Code) + 1;
            }

            foreach (var code in findings.Select(f => f.Code).Distinct(StringComparer.Ordinal))
            {
                rowCounts[code] = rowCounts.GetValueOrDefault(code) + 1;
            }
        }

        var cutOff = codes.GetValueOrDefault(WireCodes.LengthCallCutOff.Code);
        return new WireSummary
        {
            Errors = errors,
            Warnings = warnings,
            Infos = infos,
            RowsWithFindings = withFindings,
            RowsWithErrors = withErrors,
            LeakedMarkers = codes.GetValueOrDefault(WireCodes.LeakedMarker.Code),
            LengthCalls = cutOff + codes.GetValueOrDefault(WireCodes.LengthCallValid.Code) + codes.GetValueOrDefault(WireCodes.LengthCallInvalid.Code),
            LengthCallsCutOff = cutOff,
            Codes = codes,
            Rows = rowCounts,
        };
    }
}
