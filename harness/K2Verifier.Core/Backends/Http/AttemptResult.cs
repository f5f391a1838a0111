namespace K2Verifier.Backends.Http;

/// <summary>What one HTTP attempt produced; the last one becomes the <see cref="BackendResponse"/>.</summary>
internal sealed record AttemptResult
{
    public int? StatusCode { get; init; }

    public string? Body { get; init; }

    public bool IsStream { get; init; }

    public long? TimeToFirstTokenMs { get; init; }

    /// <summary>For a stream, its events as the reader split and parsed them (accumulated, with the frame facts).</summary>
    public Normalization.StreamDigest? Stream { get; init; }

    public BackendFailure? Failure { get; init; }

    public AttemptFault Fault { get; init; }

    /// <summary>True for faults that say the endpoint itself is down (connection errors, 5xx): the breaker counts them.</summary>
    public bool CountsAgainstEndpoint { get; init; }

    /// <summary>A short label for the breaker's message, e.g. "connection refused" or "HTTP 503".</summary>
    public string? FaultLabel { get; init; }

    /// <summary>The wait the server asked for (<c>Retry-After</c>), when it did.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];
}
