namespace K2Verifier.Datasets.Importers;

/// <summary>What an importer wrote.</summary>
/// <param name="Requests">Requests written to samples.jsonl.</param>
/// <param name="Files">Every file written, in order.</param>
/// <param name="Notes">Things the user should know (skipped inputs, …).</param>
public sealed record ImportSummary(int Requests, IReadOnlyList<string> Files, IReadOnlyList<string> Notes);
