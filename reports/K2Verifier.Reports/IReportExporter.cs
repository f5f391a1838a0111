using K2Verifier.Reports.Model;

namespace K2Verifier.Reports;

/// <summary>Writes one format of a report into a folder and says which files it wrote.</summary>
public interface IReportExporter
{
    /// <summary>A short name for messages (<c>csv</c>, <c>markdown</c>, <c>charts</c>, <c>html</c>).</summary>
    string Name { get; }

    /// <summary>Writes the files of this format for <paramref name="model"/> into <paramref name="outputDirectory"/> (created as needed).</summary>
    Task<IReadOnlyList<ReportArtifact>> ExportAsync(ReportModel model, string outputDirectory, CancellationToken cancellationToken = default);
}
