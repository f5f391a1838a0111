namespace K2Verifier.Metrics;

/// <summary>Run metadata recorded in the summary. Fields unknown to <c>score</c> (reading an old file) stay null.</summary>
public sealed record RunInfo
{
    /// <summary>The model name (K2VV's <c>model</c> key).</summary>
    public string? Model { get; init; }

    /// <summary>The endpoint's base URL (never with credentials).</summary>
    public string? Endpoint { get; init; }

    /// <summary>The dataset path.</summary>
    public string? Dataset { get; init; }

    /// <summary>sha256 of the dataset file.</summary>
    public string? DatasetSha256 { get; init; }

    /// <summary>Requests in flight at once.</summary>
    public int? Concurrency { get; init; }

    /// <summary>
    /// The adaptive concurrency the run settled at (time-weighted mean limit over its second half; HTTP backend only).
    /// </summary>
    public int? ConcurrencySettled { get; init; }

    /// <summary>The adaptive concurrency limit over the run (HTTP backend only), for the report.</summary>
    public IReadOnlyList<ConcurrencyPoint>? ConcurrencyTimeline { get; init; }

    /// <summary>The harness version that wrote the summary.</summary>
    public string? HarnessVersion { get; init; }

    /// <summary>When the run started (ISO 8601).</summary>
    public string? StartedAt { get; init; }

    /// <summary>When the run finished (ISO 8601).</summary>
    public string? FinishedAt { get; init; }

    /// <summary>Wall time of the run in milliseconds.</summary>
    public long? DurationMs { get; init; }

    /// <summary>Requests actually sent in this run (incremental runs skip earlier successes).</summary>
    public int? RequestsSent { get; init; }

    /// <summary>The published K2VV table to place the run in (<c>k2-0905</c>, <c>k2-thinking</c>, <c>none</c>); null infers it from the model name.</summary>
    public string? PublishedTable { get; init; }

    /// <summary>Dataset lines skipped as unusable.</summary>
    public int SkippedLines { get; init; }

    /// <summary>The results journal the summary was computed from, as the run was given it (trends use it to skip a summary of a run already in the report).</summary>
    public string? Results { get; init; }

    /// <summary>Non-blank lines of the dataset: the requests a complete run answers (null when not known, e.g. <c>score</c>).</summary>
    public int? DatasetRequests { get; init; }

    /// <summary>
    /// False when the run stopped before it sent every request (Ctrl-C, an endpoint that stopped answering), true when
    /// it sent them all, null when not known (<c>score</c> of a journal). Trends skip incomplete runs.
    /// </summary>
    public bool? Complete { get; init; }
}
