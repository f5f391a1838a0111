using K2Verifier.Reports.Charts;
using K2Verifier.Reports.Csv;
using K2Verifier.Reports.Html;
using K2Verifier.Reports.Markdown;
using K2Verifier.Reports.Model;

namespace K2Verifier.Reports;

/// <summary>The exporters of <c>report</c> and <c>--report-dir</c>, and running them all.</summary>
public static class ReportExporters
{
    /// <summary>CSV, Markdown, the charts (SVG and PNG) and the HTML page, in that order.</summary>
    public static IReadOnlyList<IReportExporter> Default { get; } =
        [new CsvReportExporter(), new MarkdownReportExporter(), new ChartExporter(), new HtmlReportExporter()];

    /// <summary>Runs every exporter of <paramref name="exporters"/> (default: <see cref="Default"/>) and returns all files written.</summary>
    public static async Task<IReadOnlyList<ReportArtifact>> ExportAllAsync(ReportModel model, string outputDirectory, IReadOnlyList<IReportExporter>? exporters = null, CancellationToken cancellationToken = default)
    {
        var artifacts = new List<ReportArtifact>();
        foreach (var exporter in exporters ?? Default)
        {
            artifacts.AddRange(await exporter.ExportAsync(model, outputDirectory, cancellationToken).ConfigureAwait(false));
        }

        return artifacts;
    }
}
