using K2Verifier.Charts;
using K2Verifier.Reports.Model;

namespace K2Verifier.Reports.Charts;

/// <summary>Writes each chart of <see cref="ReportCharts.Build"/> as <c>charts/ID.svg</c>.</summary>
public sealed class SvgChartExporter : IReportExporter
{
    public string Name => "svg";

    public async Task<IReadOnlyList<ReportArtifact>> ExportAsync(ReportModel model, string outputDirectory, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(outputDirectory, "charts");
        var artifacts = new List<ReportArtifact>();
        foreach (var chart in ReportCharts.Build(model))
        {
            artifacts.Add(await ReportFiles.WriteAsync(directory, $"{chart.Id}.svg", SvgChartRenderer.Render(chart), chart.Title, cancellationToken).ConfigureAwait(false));
        }

        return artifacts;
    }
}
