namespace K2Verifier.Datasets.Importers;

/// <summary>Placeholder replaced below.</summary>
public static class K2vvImporter
{
    public static Task<ImportSummary> ImportAsync(string source, string outputDirectory, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
