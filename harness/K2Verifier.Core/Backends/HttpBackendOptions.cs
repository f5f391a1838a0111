using System.Text;

namespace K2Verifier.Backends;

/// <summary>
/// Settings of <see cref="HttpChatBackend"/>: where the OpenAI-compatible endpoint is, how to authenticate, and how
/// long and how often to try. Immutable; validated once when the backend is built (every problem reported at once).
/// </summary>
public sealed record HttpBackendOptions
{
    /// <summary>
    /// Sent as <c>Authorization: Bearer EMPTY</c> when no API key is given: the OpenAI client requires a key, and
    /// self-hosted servers (vLLM, SGLang) accept any value. The convention is vLLM's.
    /// </summary>
    public const string PlaceholderApiKey = "EMPTY";

    /// <summary>
    /// The OpenAI-compatible base URL, e.g. <c>http://127.0.0.1:8000/v1</c>; requests go to
    /// <c>{BaseUrl}/chat/completions</c> (or <c>{BaseUrl}/completions</c>). Required.
    /// </summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>
    /// The API key, sent only in the <c>Authorization</c> header and scrubbed from every message. Null or empty:
    /// <see cref="PlaceholderApiKey"/> is sent. The CLI reads <c>--api-key</c> or <c>OPENAI_API_KEY</c>; this type
    /// reads no environment. Default: null.
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// Per-attempt timeout, covering connect, headers and the whole body or stream; K2VV's <c>--timeout</c>.
    /// Default: 600 seconds.
    /// </summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>The default <see cref="Timeout"/>, which is also the default rate-limit wait (<see cref="RateLimitOptions.MaxWait"/>).</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(600);

    /// <summary>
    /// For streamed requests: the longest wait for the next byte (response headers, then each chunk) before the
    /// attempt ends as a retryable <see cref="BackendFailureCategory.Stalled"/> failure, so a server that hangs with
    /// connections open is noticed long before <see cref="Timeout"/>. Not applied to non-streamed requests (a server
    /// sends nothing until the whole answer is ready) nor when it is not shorter than <see cref="Timeout"/>.
    /// <see cref="TimeSpan.Zero"/> turns it off. Default: 120 seconds.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Time allowed to open a TCP connection (a black-holed host fails after this rather than after
    /// <see cref="Timeout"/>); counted as a connection error. Default: 30 seconds (capped by <see cref="Timeout"/>).
    /// </summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// K2VV's <c>--use-raw-completions</c> transport: POST to <c>{BaseUrl}/completions</c> (the body is then a
    /// completions body with <c>prompt</c>) instead of <c>{BaseUrl}/chat/completions</c>. Default: false.
    /// </summary>
    public bool UseRawCompletions { get; init; }

    /// <summary>Retry budgets and delays. Default: <see cref="RetryOptions.Default"/>.</summary>
    public RetryOptions Retry { get; init; } = RetryOptions.Default;

    /// <summary>429 wait budget, endpoint cool-down, adaptive concurrency and client-side quotas. Default: <see cref="RateLimitOptions.Default"/>.</summary>
    public RateLimitOptions RateLimit { get; init; } = RateLimitOptions.Default;

    /// <summary>When a dead endpoint stops the run. Default: <see cref="CircuitBreakerOptions.Default"/>.</summary>
    public CircuitBreakerOptions CircuitBreaker { get; init; } = CircuitBreakerOptions.Default;

    /// <summary>The key actually sent: <see cref="ApiKey"/>, or <see cref="PlaceholderApiKey"/> when there is none.</summary>
    internal string EffectiveApiKey => string.IsNullOrEmpty(ApiKey) ? PlaceholderApiKey : ApiKey;

    /// <summary>Every problem with these options (empty when they are valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"base URL must be an absolute http or https URL (was \"{BaseUrl}\").");
        }

        if (Timeout < TimeSpan.FromMilliseconds(10) || Timeout > TimeSpan.FromDays(1))
        {
            problems.Add($"timeout must be between 10 ms and 1 day (was {Timeout}).");
        }

        if (IdleTimeout < TimeSpan.Zero)
        {
            problems.Add($"idle timeout must not be negative (was {IdleTimeout}).");
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            problems.Add($"connect timeout must be positive (was {ConnectTimeout}).");
        }

        problems.AddRange(Retry?.Validate() ?? ["retry options are required."]);
        problems.AddRange(CircuitBreaker?.Validate() ?? ["circuit breaker options are required."]);
        problems.AddRange(RateLimit?.Validate() ?? ["rate-limit options are required."]);
        return problems;
    }

    // A record prints every property by default: keep the key out of ToString (and so out of any log).
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("BaseUrl = ").Append(BaseUrl)
            .Append(", ApiKey = ").Append(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")
            .Append(", Timeout = ").Append(Timeout)
            .Append(", IdleTimeout = ").Append(IdleTimeout)
            .Append(", ConnectTimeout = ").Append(ConnectTimeout)
            .Append(", UseRawCompletions = ").Append(UseRawCompletions)
            .Append(", Retry = ").Append(Retry)
            .Append(", CircuitBreaker = ").Append(CircuitBreaker)
            .Append(", RateLimit = ").Append(RateLimit);
        return true;
    }
}
