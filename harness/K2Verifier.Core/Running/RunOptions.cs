using K2Verifier.Preparation;

namespace K2Verifier.Running;

/// <summary>Everything one replay needs besides the backend. Built once by the CLI and validated before any work.</summary>
public sealed record RunOptions
{
    /// <summary>The K2VV-format dataset (JSONL). Required.</summary>
    public required string DatasetPath { get; init; }

    /// <summary>The results journal. Default: <c>results.jsonl</c>.</summary>
    public string OutputPath { get; init; } = "results.jsonl";

    /// <summary>The summary file. Default: <c>summary.json</c>.</summary>
    public string SummaryPath { get; init; } = "summary.json";

    /// <summary>Requests in flight at once. Default: 5 (K2VV's).</summary>
    public int Concurrency { get; init; } = 5;

    /// <summary>Keep earlier successful rows (matched by hash) and send only the rest. Default: false.</summary>
    public bool Incremental { get; init; }

    /// <summary>Stop at the first unusable dataset line instead of skipping it. Default: false.</summary>
    public bool Strict { get; init; }

    /// <summary>Request overrides (model, temperature, max_tokens, extra body).</summary>
    public PreparationOptions Preparation { get; init; } = new();

    /// <summary>The reference for trigger precision/recall/F1 in the summary. Default: none.</summary>
    public Baselines.Baseline? Baseline { get; init; }

    /// <summary>
    /// Which rows the end-of-run read keeps whole (request, response, checks), e.g. the report's problem rows, so the
    /// report needs no second read (<see cref="Results.JournalReadOptions.KeepRow"/>). Default: null, none.
    /// </summary>
    public Func<Results.CaseOutcome, bool>? KeepRow { get; init; }

    /// <summary>The published K2VV table to place the run in; null infers it from the model name. Default: null.</summary>
    public string? PublishedTable { get; init; }

    /// <summary>The endpoint recorded in the summary (no credentials). Default: null.</summary>
    public string? Endpoint { get; init; }

    /// <summary>
    /// When no request has completed for this long while some are in flight, the observer hears it (and again every
    /// such period while it lasts), so a silent hang shows on the progress line. Default: 60 seconds.
    /// </summary>
    public TimeSpan QuietAfter { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Run only the requests of this shard (by request hash); null runs them all. Default: null.</summary>
    public Sharding.ShardSpec? Shard { get; init; }

    /// <summary>
    /// Decides the gates early: requests are sent in the monitor's seeded random order and sending stops once every gate
    /// is decided. Default: null (every request, in dataset order).
    /// </summary>
    public EarlyStop.EarlyStopMonitor? EarlyStop { get; init; }

    /// <summary>Every problem with these options, all at once; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!File.Exists(DatasetPath))
        {
            problems.Add($"dataset file not found: {DatasetPath}");
        }

        if (Concurrency is < 1 or > 1024)
        {
            problems.Add($"--concurrency {Concurrency} is out of range (1 to 1024)");
        }

        if (Preparation.Temperature is < 0 or > 2)
        {
            problems.Add($"--temperature {Preparation.Temperature} is out of range (0 to 2)");
        }

        if (Preparation.MaxTokens is <= 0)
        {
            problems.Add($"--max-tokens {Preparation.MaxTokens} must be positive");
        }

        if (string.IsNullOrWhiteSpace(OutputPath))
        {
            problems.Add("--output must name a file");
        }

        if (string.IsNullOrWhiteSpace(SummaryPath))
        {
            problems.Add("--summary must name a file");
        }

        return problems;
    }
}
