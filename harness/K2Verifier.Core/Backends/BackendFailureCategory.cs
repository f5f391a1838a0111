namespace K2Verifier.Backends;

/// <summary>Why a request failed after every allowed attempt (recorded in the results row as <c>error.category</c>).</summary>
public enum BackendFailureCategory
{
    /// <summary>An attempt exceeded the per-attempt timeout.</summary>
    Timeout,

    /// <summary>The endpoint answered with a non-success HTTP status (4xx, 5xx, 429 after the rate-limit cap).</summary>
    HttpStatus,

    /// <summary>The connection failed or was reset (refused, DNS, reset mid-body).</summary>
    Connection,

    /// <summary>A 200 whose body is not a JSON chat completion.</summary>
    MalformedJson,

    /// <summary>A stream that ended before <c>[DONE]</c> and before any finish_reason.</summary>
    TruncatedStream,

    /// <summary>HTTP 429 until the request's rate-limit wait (<c>--max-wait</c>) or its optional retry cap ran out.</summary>
    RateLimited,
}
