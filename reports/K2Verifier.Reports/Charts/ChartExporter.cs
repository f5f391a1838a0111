using K2Verifier.Reports.Model;

namespace K2Verifier.Reports.Charts;

/// <summary>Writes each chart of <see cref="ReportCharts.Build"/> as <c>charts/ID.svg</c> and <c>charts/ID.png</c> (the PNG for the Markdown summary).</summary>
public sealed class ChartExporter : IReportExporter
{
    public string Name => "charts";

    public async Task<IReadOnlyList<ReportArtifact>> ExportAsync(ReportModel model, string outputDirectory, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(outputDirectory, "charts");
        var artifacts = new List<ReportArtifact>();
        foreach (var chart in ReportChartImages.For(model))
        {
            artifacts.Add(await ReportFiles.WriteAsync(directory, $"{chart.Id}.svg", chart.Svg, chart.Title, cancellationToken).ConfigureAwait(false));
            artifacts.Add(await ReportFiles.WriteBytesAsync(directory, $"{chart.Id}.png", chart.Png, chart.Title, cancellationToken).ConfigureAwait(false));
        }

        return artifacts;
    }
}
