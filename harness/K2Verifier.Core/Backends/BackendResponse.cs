namespace K2Verifier.Backends;

/// <summary>
/// What the backend got for one request after all attempts: the raw body as the wire had it (a JSON body, or the
/// SSE text of a stream), timings and attempt count, or the failure of the last attempt.
/// </summary>
public sealed record BackendResponse
{
    /// <summary>HTTP status of the last attempt (null when no response arrived).</summary>
    public int? StatusCode { get; init; }

    /// <summary>The raw body of the last attempt: a JSON document, or for streams the SSE text as received. May be partial.</summary>
    public string? Body { get; init; }

    /// <summary>True when <see cref="Body"/> is an SSE stream (<c>text/event-stream</c>).</summary>
    public bool IsStream { get; init; }

    /// <summary>
    /// For a stream read on the wire, its events as they were split and parsed there: the accumulated response and the
    /// frame facts, so normalisation does not split and parse <see cref="Body"/> again. It stands for the body it was
    /// read from (<see cref="Normalization.StreamDigest.Body"/>); null when the backend kept none (normalisation then reads the body).
    /// </summary>
    public Normalization.StreamDigest? Stream { get; init; }

    /// <summary>Wall time from the first attempt's start to the end of the last, in milliseconds (retry waits included).</summary>
    public long DurationMs { get; init; }

    /// <summary>For streams: time from the last attempt's start to the first event carrying content or tool calls.</summary>
    public long? TimeToFirstTokenMs { get; init; }

    /// <summary>How many attempts were made (1 when the first succeeded).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Null on success; otherwise why the request failed.</summary>
    public BackendFailure? Failure { get; init; }

    /// <summary>Non-fatal irregularities seen on the wire (e.g. a stream without <c>[DONE]</c>, a non-JSON event).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>What an in-process parse step changed (null when the body came from the wire as it is).</summary>
    public K2Verifier.Results.ParseReport? Parse { get; init; }

    /// <summary>True when the request succeeded.</summary>
    public bool IsSuccess => Failure is null;
}
