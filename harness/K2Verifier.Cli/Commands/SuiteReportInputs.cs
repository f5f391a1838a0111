using K2Verifier.Suites.Reporting;

namespace K2Verifier.Cli.Commands;

/// <summary><c>report</c>'s suite folders: told apart from results files, and their section added to the report.</summary>
internal static class SuiteReportInputs
{
    /// <summary>Results files and suite folders (folders holding <c>suite-NAME.json</c>), in order.</summary>
    public static (string[] Files, string[] SuiteFolders) Split(string[] paths) =>
        ([.. paths.Where(p => !SuiteReportSection.IsSuiteFolder(p))], [.. paths.Where(SuiteReportSection.IsSuiteFolder)]);

    /// <summary>Adds the probe-suite section of <paramref name="folders"/> to the report in <paramref name="output"/>.</summary>
    public static async Task AddSectionAsync(TextWriter messages, string[] folders, string output, CancellationToken cancellationToken)
    {
        if (folders.Length == 0)
        {
            return;
        }

        IReadOnlyList<K2Verifier.Suites.Probing.SuiteSummary> summaries;
        try
        {
            summaries = [.. folders.SelectMany(SuiteReportSection.Read)];
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message, ex);
        }

        foreach (var path in await SuiteReportSection.AddAsync(output, summaries, cancellationToken).ConfigureAwait(false))
        {
            await messages.WriteLineAsync($"wrote {path} (probe suites)").ConfigureAwait(false);
        }
    }
}
