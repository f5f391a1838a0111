using System.Text.Json;
using K2Verifier.Metrics;
using K2Verifier.Suites.Probing;

namespace K2Verifier.Suites.Reporting;

/// <summary>
/// Suite summaries as a run's summary.json embeds them (<see cref="SuiteRecord"/> under <c>suites</c>), and back, so the
/// report's probe-suite section is drawn alike from a suite folder and from a run's summary.
/// </summary>
public static class SuiteRecords
{
    /// <summary>The summaries of a suite folder, by suite name, as summary.json embeds them.</summary>
    /// <exception cref="FormatException">The folder holds no suite summary, or one is unreadable; the message names the file.</exception>
    public static IReadOnlyDictionary<string, SuiteRecord> FromFolder(string folder)
    {
        if (!SuiteReportSection.IsSuiteFolder(folder))
        {
            throw new FormatException($"{folder}: no suite-NAME.json in it (write them with: suite NAME… --out {folder})");
        }

        return SuiteReportSection.Read(folder).ToDictionary(s => s.Suite, ToRecord, StringComparer.Ordinal);
    }

    /// <summary>The suites embedded in a run's summary.json.</summary>
    /// <exception cref="FormatException">The file is not a summary, or embeds no suites; the message names the file.</exception>
    public static IReadOnlyList<SuiteSummary> FromRunSummary(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("suites", out var suites) || suites.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{path}: a summary without suites (embed them with: run … --suite-results DIR)");
            }

            var records = suites.Deserialize(SuitesJsonContext.Compact.DictionaryStringSuiteRecord) ?? [];
            return [.. records.Select(p => ToSummary(p.Key, p.Value))];
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{path}: not a summary.json: {ex.Message}", ex);
        }
    }

    /// <summary>The record of <paramref name="summary"/>: its counts and first failing required probes.</summary>
    public static SuiteRecord ToRecord(SuiteSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var failing = summary.Probes.Where(p => p.Required && !p.Passed).ToList();
        return new SuiteRecord
        {
            Endpoint = summary.Endpoint,
            Model = summary.Model,
            Outcome = summary.Outcome,
            Total = summary.Total,
            Passed = summary.Passed,
            Failed = summary.Total - summary.Passed,
            RequiredFailed = summary.RequiredFailed,
            FailingProbes = failing.Count,
            ByStatus = summary.ByStatus,
            ByMode = summary.ByMode,
            ByStatusAndMode = summary.ByStatusAndMode,
            Failing = [.. failing.Take(SuiteRecord.FailingKept).Select(p => new SuiteProbeRecord(p.Probe, p.Expected, p.Got, p.Status, p.Attempts, p.PassedAttempts, p.Detail))],
        };
    }

    /// <summary>A summary of <paramref name="suite"/> drawn from its record (the failing probes only), for the report section.</summary>
    public static SuiteSummary ToSummary(string suite, SuiteRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new SuiteSummary
        {
            Suite = suite,
            Endpoint = record.Endpoint,
            Model = record.Model,
            Outcome = record.Outcome,
            Total = record.Total,
            Passed = record.Passed,
            RequiredFailed = record.RequiredFailed,
            ByStatus = record.ByStatus,
            ByReason = new Dictionary<string, int>(),
            ByMode = record.ByMode,
            ByStatusAndMode = record.ByStatusAndMode,
            ByFeature = new Dictionary<string, IReadOnlyDictionary<string, int>>(),
            Probes = [.. record.Failing.Select(p => new ProbeSummary(p.Probe, true, p.Expected, p.Got, p.Status, p.Attempts, p.PassedAttempts, p.Detail))],
        };
    }
}
