namespace K2Verifier.Backends;

/// <summary>Why a request failed after every allowed attempt (recorded in the results row as <c>error.category</c>).</summary>
public enum BackendFailureCategory
{
    /// <summary>An attempt exceeded the per-attempt timeout.</summary>
    Timeout,

    /// <summary>A non-success HTTP status that none of the categories below describes (e.g. 405, 409, 413).</summary>
    HttpStatus,

    /// <summary>The connection failed or was reset (refused, DNS, reset mid-body).</summary>
    Connection,

    /// <summary>A 200 whose body is not a JSON chat completion.</summary>
    MalformedJson,

    /// <summary>A stream that ended before <c>[DONE]</c> and before any finish_reason.</summary>
    TruncatedStream,

    /// <summary>The prompt (plus max_tokens) does not fit the model's context: OpenAI's <c>context_length_exceeded</c>, vLLM's and llama.cpp's messages.</summary>
    ContextLengthExceeded,

    /// <summary>A 400 or 422 the server explains as an invalid request or parameter.</summary>
    InvalidParameter,

    /// <summary>401 or 403: the key is missing, wrong or not allowed.</summary>
    Authentication,

    /// <summary>404: the URL (often a base URL without <c>/v1</c>) or the model does not exist.</summary>
    NotFound,

    /// <summary>HTTP 429 until the request's rate-limit wait (<c>--max-wait</c>) or its optional retry cap ran out.</summary>
    RateLimited,

    /// <summary>5xx after the retries were spent.</summary>
    ServerError,

    /// <summary>No byte arrived for the idle timeout (<c>--idle-timeout</c>) while a response was awaited or streamed.</summary>
    Stalled,
}
