namespace K2Verifier.Sharding;

/// <summary>
/// What one shard run wrote and under which settings, saved beside its journal as <c>NAME.manifest.json</c>, so
/// <c>merge</c> can refuse shards that do not belong together and say which shards or rows are missing.
/// </summary>
public sealed record ShardManifest
{
    /// <summary>The manifest format; <c>merge</c> refuses others.</summary>
    public const string CurrentFormat = "k2verifier-shard-manifest/1";

    /// <summary>Always <see cref="CurrentFormat"/> when written by this version.</summary>
    public string Format { get; init; } = CurrentFormat;

    /// <summary>The harness version that ran the shard.</summary>
    public required string HarnessVersion { get; init; }

    /// <summary>The dataset path as given to the shard's run.</summary>
    public required string Dataset { get; init; }

    /// <summary>sha256 of the dataset file.</summary>
    public required string DatasetSha256 { get; init; }

    /// <summary>This shard's index (0-based).</summary>
    public required int ShardIndex { get; init; }

    /// <summary>How many shards the dataset was cut into.</summary>
    public required int ShardCount { get; init; }

    /// <summary>Every setting that changes the answers (model, endpoint, engine, sampling overrides, …), as JSON text by option name.</summary>
    public required IReadOnlyDictionary<string, string> Settings { get; init; }

    /// <summary>The journal's file name, in the manifest's folder.</summary>
    public required string Journal { get; init; }

    /// <summary>Usable dataset requests that fall in this shard (null when unknown).</summary>
    public int? Assigned { get; init; }

    /// <summary>Rows in the journal when the manifest was written.</summary>
    public required int Rows { get; init; }

    /// <summary>sha256 of the journal when the manifest was written.</summary>
    public required string JournalSha256 { get; init; }

    /// <summary>False when the shard's run stopped early (Ctrl-C, a dead endpoint): rerun it with <c>--incremental</c>.</summary>
    public required bool Complete { get; init; }

    /// <summary>When the shard's run started (ISO 8601).</summary>
    public string? StartedAt { get; init; }

    /// <summary>When the shard's run finished (ISO 8601).</summary>
    public string? FinishedAt { get; init; }

    /// <summary>Requests the shard's run sent.</summary>
    public int RequestsSent { get; init; }

    /// <summary>Dataset lines skipped as unusable (every shard reads the whole dataset, so they agree).</summary>
    public int SkippedLines { get; init; }

    /// <summary>Requests in flight at once in the shard's run.</summary>
    public int Concurrency { get; init; }
}
