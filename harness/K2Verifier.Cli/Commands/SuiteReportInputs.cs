using K2Verifier.Metrics;
using K2Verifier.Suites.Probing;
using K2Verifier.Suites.Reporting;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// Suite results outside <c>suite</c>: <c>report</c>'s suite inputs (folders written by <c>suite</c>, and run summaries
/// embedding suites) told apart from results files, their section added to a report, and <c>run --suite-results</c>.
/// </summary>
internal static class SuiteReportInputs
{
    /// <summary>Results files, and suite inputs (folders holding <c>suite-NAME.json</c>, or <c>*.json</c> run summaries), in order.</summary>
    public static (string[] Files, string[] SuiteFolders) Split(string[] paths) =>
        ([.. paths.Where(p => !IsSuiteInput(p))], [.. paths.Where(IsSuiteInput)]);

    /// <summary>The suites of <c>run --suite-results DIR</c> as summary.json embeds them; null without the option.</summary>
    public static IReadOnlyDictionary<string, SuiteRecord>? Embed(string? folder) =>
        folder is null ? null : Read(() => SuiteRecords.FromFolder(folder), "--suite-results");

    /// <summary>Adds the probe-suite section of <paramref name="folders"/> to the report in <paramref name="output"/>.</summary>
    public static async Task AddSectionAsync(TextWriter messages, string[] folders, string output, CancellationToken cancellationToken)
    {
        if (folders.Length == 0)
        {
            return;
        }

        var summaries = Read(() => folders.SelectMany(p => Directory.Exists(p) ? SuiteReportSection.Read(p) : SuiteRecords.FromRunSummary(p)).ToList(), "report");
        await AddSectionAsync(messages, summaries, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds the probe-suite section of the suites a run's summary embeds (<c>run --suite-results … --report-dir</c>).</summary>
    public static Task AddSectionAsync(TextWriter messages, IReadOnlyDictionary<string, SuiteRecord> suites, string output, CancellationToken cancellationToken) =>
        AddSectionAsync(messages, [.. suites.Select(p => SuiteRecords.ToSummary(p.Key, p.Value))], output, cancellationToken);

    private static async Task AddSectionAsync(TextWriter messages, IReadOnlyList<SuiteSummary> summaries, string output, CancellationToken cancellationToken)
    {
        foreach (var path in await SuiteReportSection.AddAsync(output, summaries, cancellationToken).ConfigureAwait(false))
        {
            await messages.WriteLineAsync($"wrote {path} (probe suites)").ConfigureAwait(false);
        }
    }

    private static bool IsSuiteInput(string path) =>
        SuiteReportSection.IsSuiteFolder(path) || (File.Exists(path) && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase));

    private static T Read<T>(Func<T> read, string option)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: {ex.Message}", ex);
        }
    }
}
