namespace K2Verifier.Reports;

/// <summary>A file an exporter wrote: its path and what it holds.</summary>
public sealed record ReportArtifact(string Path, string Description);
