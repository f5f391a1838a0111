using System.Text.Json;
using System.Text.Json.Serialization;

namespace K2Verifier.Suites.Probing;

/// <summary>
/// One line of <c>suite-NAME.jsonl</c>: one probe attempt with the request sent, the response received and the
/// verdict. The canonical record of a suite: its summary, JUnit file and report section are derived from these rows.
/// </summary>
public sealed record ProbeRow
{
    /// <summary>The suite's name.</summary>
    public required string Suite { get; init; }

    /// <summary>The probe's name in its table.</summary>
    public required string Probe { get; init; }

    /// <summary><c>stream</c> or <c>non-stream</c>.</summary>
    public required string Mode { get; init; }

    /// <summary>1-based attempt number.</summary>
    public int Rerun { get; init; } = 1;

    /// <summary>False for informational probes.</summary>
    public bool Required { get; init; } = true;

    /// <summary>The expected class of answer.</summary>
    public required string Expected { get; init; }

    /// <summary>The class of answer received.</summary>
    public required string Got { get; init; }

    /// <summary>The suite's status word for the attempt.</summary>
    public required string Status { get; init; }

    /// <summary>True when the answer is the expected one.</summary>
    public bool Passed { get; init; }

    /// <summary>A short reason for the summary's counts.</summary>
    public required string Reason { get; init; }

    /// <summary>A human-readable detail (error message, failing path, token difference).</summary>
    public string? Detail { get; init; }

    /// <summary>Why the probe expects its answer.</summary>
    public string? Rationale { get; init; }

    /// <summary>Summary tags (schema features, token strata).</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>HTTP status of the last attempt.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Attempts the backend made (retries included).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Wall time including retries, in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>When the attempt finished (ISO 8601, local time like results.jsonl).</summary>
    public required string LastRunAt { get; init; }

    /// <summary>The request body sent.</summary>
    public JsonElement? Request { get; init; }

    /// <summary>The response: the chat.completion object (a stream accumulated), else the error body or message.</summary>
    public JsonElement? Response { get; init; }

    /// <summary>The attempt's identity: probe, mode and rerun.</summary>
    [JsonIgnore]
    public string Key => $"{Probe}|{Mode}|{Rerun}";
}
