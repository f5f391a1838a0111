using K2Verifier.Json;
using K2Verifier.Validation;

namespace K2Verifier.Results;

/// <summary>
/// One line of results.jsonl: K2VV's fields (<c>data_index, request, extra_body, response, status, finish_reason,
/// tool_calls_valid, last_run_at, duration_ms, hash</c>) plus ours (<c>attempts, error, ttft_ms, tool_call_checks,
/// warnings</c>). The canonical record: every summary and report is derived from these rows.
/// </summary>
public sealed record CaseResult
{
    /// <summary>1-based dataset line number.</summary>
    public required int DataIndex { get; init; }

    private Utf8Text _request;

    /// <summary>The prepared request as JSON (decoded from <see cref="RequestUtf8"/> on first use when only that was given).</summary>
    public string RequestJson
    {
        get => _request.Text;
        init => _request.Text = value;
    }

    /// <summary>
    /// <see cref="RequestJson"/> as UTF-8 when the row was made from a request prepared from bytes (the row is written
    /// from them); empty otherwise. Setting bytes makes <see cref="RequestJson"/> their text.
    /// </summary>
    public ReadOnlyMemory<byte> RequestUtf8
    {
        get => _request.Utf8;
        init => _request.Utf8 = value;
    }

    /// <summary><see cref="RequestJson"/> as held (a string or its UTF-8): what the row is written from.</summary>
    internal Utf8Text RequestText
    {
        get => _request;
        init => _request = value;
    }

    /// <summary>The extra body merged on the wire, as JSON (<c>{}</c> when none).</summary>
    public string ExtraBodyJson { get; init; } = "{}";

    /// <summary>The response object as JSON (for failures K2VV's <c>{"error": "…"}</c>); null when absent.</summary>
    public string? ResponseJson { get; init; }

    /// <summary><c>success</c> or <c>failed</c> (see <see cref="CaseStatus"/>).</summary>
    public required string Status { get; init; }

    /// <summary>The response's finish_reason; null for failures and responses without choices.</summary>
    public string? FinishReason { get; init; }

    /// <summary>K2VV's verdict, set only when finish_reason is tool_calls.</summary>
    public bool? ToolCallsValid { get; init; }

    /// <summary>When the request finished, as Python's <c>datetime.now().isoformat()</c> writes it.</summary>
    public required string LastRunAt { get; init; }

    /// <summary>Wall time including retries, in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>K2VV's request hash (md5 of the prepared request).</summary>
    public required string Hash { get; init; }

    /// <summary>Attempts made (1 when the first succeeded; K2VV rows count as 1).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>
    /// The response's token usage as normalisation read it, for the run's telemetry (not written to results.jsonl:
    /// null on rows read back). Default: null.
    /// </summary>
    public Normalization.TokenUsage? Usage { get; init; }

    /// <summary>Why the request failed; null on success.</summary>
    public CaseError? Error { get; init; }

    /// <summary>Time to the first content or tool-call delta, for streams.</summary>
    public long? TtftMs { get; init; }

    /// <summary>The verdict on each tool call (empty unless finish_reason is tool_calls).</summary>
    public IReadOnlyList<ToolCallCheck> ToolCallChecks { get; init; } = [];

    /// <summary>Irregularities seen on the wire.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>What the response got wrong on the wire beyond finish_reason and schema (see docs/wire-conformance.md).</summary>
    public IReadOnlyList<Wire.WireFinding> WireFindings { get; init; } = [];

    /// <summary>For streams, the frame facts the stream checks need (null for non-stream rows).</summary>
    public Wire.StreamFacts? Stream { get; init; }
    /// <summary>What the in-process parse step changed (<c>parse</c>); null when the response came from the wire as it is.</summary>
    public ParseReport? Parse { get; init; }

    /// <summary>True when <see cref="Status"/> is success.</summary>
    public bool IsSuccess => Status == CaseStatus.Success;
}
