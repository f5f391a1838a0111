using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using K2Verifier.Suites.Probing;

namespace K2Verifier.Suites.Reporting;

/// <summary>
/// The probe-suite section of the report: one line per suite (passed of total, required failures, statuses) and the
/// failing probes, read from the <c>suite-NAME.json</c> files of a suite folder; added to <c>summary.md</c> and
/// <c>index.html</c> (created when the report has no runs).
/// </summary>
public static class SuiteReportSection
{
    private const int FailingShown = 10;

    /// <summary>True when <paramref name="folder"/> holds at least one <c>suite-NAME.json</c>.</summary>
    public static bool IsSuiteFolder(string folder) => Directory.Exists(folder) && Directory.EnumerateFiles(folder, "suite-*.json").Any();

    /// <summary>The summaries of <paramref name="folder"/>, by suite name.</summary>
    /// <exception cref="FormatException">A summary is not readable; the message names the file.</exception>
    public static IReadOnlyList<SuiteSummary> Read(string folder)
    {
        var summaries = new List<SuiteSummary>();
        foreach (var path in Directory.EnumerateFiles(folder, "suite-*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                summaries.Add(JsonSerializer.Deserialize(File.ReadAllText(path), SuitesJsonContext.Compact.SuiteSummary) ?? throw new FormatException($"{path}: empty"));
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{path}: not a suite summary: {ex.Message}", ex);
            }
        }

        return summaries;
    }

    /// <summary>The Markdown section.</summary>
    public static string ToMarkdown(IReadOnlyList<SuiteSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var text = new StringBuilder("\n## Probe suites\n\n| suite | endpoint | passed | required failed | statuses |\n| --- | --- | ---: | ---: | --- |\n");
        foreach (var s in summaries)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {s.Suite} | {s.Endpoint} | {s.Passed}/{s.Total} | {s.RequiredFailed} | {Statuses(s)} |\n");
        }

        foreach (var (suite, probe) in Failing(summaries))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- **{suite}** `{probe.Probe}`: expected {probe.Expected}, got {probe.Got} ({probe.PassedAttempts}/{probe.Attempts}){(probe.Detail is null ? string.Empty : " — " + probe.Detail)}");
        }

        return text.Append('\n').ToString();
    }

    /// <summary>The HTML section (a <c>section</c> element).</summary>
    public static string ToHtml(IReadOnlyList<SuiteSummary> summaries)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var html = new StringBuilder("<section id=\"suites\"><h2>Probe suites</h2><table><thead><tr><th>suite</th><th>endpoint</th><th>passed</th><th>required failed</th><th>statuses</th></tr></thead><tbody>");
        foreach (var s in summaries)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.Suite)}</td><td>{E(s.Endpoint)}</td><td>{s.Passed}/{s.Total}</td><td>{s.RequiredFailed}</td><td>{E(Statuses(s))}</td></tr>");
        }

        html.Append("</tbody></table><ul>");
        foreach (var (suite, probe) in Failing(summaries))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><b>{E(suite)}</b> <code>{E(probe.Probe)}</code>: expected {E(probe.Expected)}, got {E(probe.Got)} ({probe.PassedAttempts}/{probe.Attempts}) {E(probe.Detail)}</li>");
        }

        return html.Append("</ul></section>").ToString();
    }

    /// <summary>Adds the section to <c>summary.md</c> and <c>index.html</c> in <paramref name="reportDirectory"/>; returns the paths.</summary>
    public static async Task<IReadOnlyList<string>> AddAsync(string reportDirectory, IReadOnlyList<SuiteSummary> summaries, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(reportDirectory);
        var markdown = Path.Combine(reportDirectory, "summary.md");
        var existing = File.Exists(markdown) ? await File.ReadAllTextAsync(markdown, cancellationToken).ConfigureAwait(false) : "# K2Verifier report\n";
        await File.WriteAllTextAsync(markdown, existing + ToMarkdown(summaries), cancellationToken).ConfigureAwait(false);
        var page = Path.Combine(reportDirectory, "index.html");
        var html = File.Exists(page)
            ? await File.ReadAllTextAsync(page, cancellationToken).ConfigureAwait(false)
            : "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>K2Verifier report</title></head><body><h1>K2Verifier report</h1></body></html>";
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        html = end < 0 ? html + ToHtml(summaries) : html.Insert(end, ToHtml(summaries));
        await File.WriteAllTextAsync(page, html, cancellationToken).ConfigureAwait(false);
        return [markdown, page];
    }

    private static string Statuses(SuiteSummary s) => string.Join(", ", s.ByStatus.Select(p => $"{p.Key} {p.Value}"));

    private static IEnumerable<(string Suite, ProbeSummary Probe)> Failing(IReadOnlyList<SuiteSummary> summaries) =>
        summaries.SelectMany(s => s.Probes.Where(p => !p.Passed && p.Required).Take(FailingShown).Select(p => (s.Suite, p)));

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
