using K2Verifier.Metrics;

namespace K2Verifier.Reports.Model;

/// <summary>One results file to report on, with its label and, from <c>run</c>, the run's metadata.</summary>
/// <param name="ResultsPath">The results.jsonl.</param>
/// <param name="Label">The name to show; null derives one (model, else file name).</param>
/// <param name="Run">Run metadata (endpoint, times); null when only the file is known.</param>
public sealed record ReportInput(string ResultsPath, string? Label = null, RunInfo? Run = null)
{
    /// <summary>The file already read and re-judged by the command (run, score); null reads and scores it here.</summary>
    public Results.ScoredJournal? Journal { get; init; }

    /// <summary>The probe suites <c>run --suite-results</c> embedded in the run's summary (its gates read them); null without.</summary>
    public IReadOnlyDictionary<string, SuiteRecord>? Suites { get; init; }
}
