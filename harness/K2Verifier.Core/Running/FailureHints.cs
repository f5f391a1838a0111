using System.Globalization;

namespace K2Verifier.Running;

/// <summary>
/// One line that names a run's dominant failure and what to check, e.g.
/// <c>404 at http://host:8000/chat/completions: does --base-url end in /v1?</c>.
/// </summary>
public static class FailureHints
{
    private static readonly string[] EndpointSuffixes = ["/chat/completions", "/completions"];

    /// <summary>The hint for <paramref name="kind"/>.</summary>
    /// <param name="kind">The dominant failure.</param>
    /// <param name="baseUrl">The HTTP base URL (<c>--base-url</c>); null for in-process engines.</param>
    /// <param name="rawCompletions">Whether requests went to <c>/completions</c> rather than <c>/chat/completions</c>.</param>
    public static string Describe(FailureKind kind, Uri? baseUrl, bool rawCompletions = false)
    {
        ArgumentNullException.ThrowIfNull(kind);
        string requestUrl = baseUrl is null ? "the endpoint" : RequestUrl(baseUrl, rawCompletions);
        string status = kind.StatusCode is { } code ? code.ToString(CultureInfo.InvariantCulture) : kind.Category;
        string hint = kind.Category switch
        {
            "not_found" when baseUrl is not null && EndsWithEndpointPath(baseUrl) is { } suffix =>
                $"404 at {requestUrl}: --base-url already ends in {suffix}; give the base only, e.g. {TrimSuffix(baseUrl, suffix)}",
            "not_found" when baseUrl is not null && !baseUrl.AbsolutePath.TrimEnd('/').EndsWith("/v1", StringComparison.Ordinal) =>
                $"404 at {requestUrl}: does --base-url end in /v1?",
            "not_found" => $"404 at {requestUrl}: is the path right, and does the server serve --model?",
            "malformed_json" when LooksLikeHtml(kind.FirstMessage) =>
                $"{status} with an HTML body at {requestUrl}: a proxy or login page? Check --base-url and any proxy in between",
            "malformed_json" => $"{status} with a body that is not a chat completion at {requestUrl}: is --base-url an OpenAI-compatible endpoint?",
            "authentication" => $"{status} at {requestUrl}: check --api-key (or OPENAI_API_KEY)",
            "context_length_exceeded" =>
                "prompts do not fit the server's context: raise its context size (vLLM --max-model-len, llama.cpp -c) or lower --max-tokens",
            "invalid_parameter" => $"{status}: the server rejects the requests as invalid (tools, tool_choice or an --extra-body field it does not support?)",
            "rate_limited" => "429: the server kept rate-limiting; lower --concurrency or raise --rate-limit-retries",
            "server_error" => $"{status}: the server fails on these requests; see its log",
            "connection" => $"cannot connect to {requestUrl}: is the server running and is --base-url right?",
            "timeout" => "no complete answer within --timeout: raise it or lower --concurrency",
            "stalled" => "the server accepted requests and then sent nothing for --idle-timeout: is it overloaded or hung?",
            "truncated_stream" => "streams ended before the answer did: a proxy cutting them, or the server crashing mid-answer?",
            _ => $"{status} at {requestUrl}",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{hint} ({kind.Count} × {kind.Category}; first: {Shorten(kind.FirstMessage)})");
    }

    /// <summary>Where the requests went: the base URL plus <c>/chat/completions</c> (or <c>/completions</c>).</summary>
    public static string RequestUrl(Uri baseUrl, bool rawCompletions)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var builder = new UriBuilder(baseUrl) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty };
        return builder.Uri.AbsoluteUri.TrimEnd('/') + (rawCompletions ? "/completions" : "/chat/completions");
    }

    private static string? EndsWithEndpointPath(Uri baseUrl)
    {
        string path = baseUrl.AbsolutePath.TrimEnd('/');
        return EndpointSuffixes.FirstOrDefault(suffix => path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
    }

    private static string TrimSuffix(Uri baseUrl, string suffix)
    {
        string path = baseUrl.AbsolutePath.TrimEnd('/');
        return new UriBuilder(baseUrl) { Path = path[..^suffix.Length], Query = string.Empty, Fragment = string.Empty }.Uri.AbsoluteUri.TrimEnd('/');
    }

    private static bool LooksLikeHtml(string message) =>
        message.Contains("<html", StringComparison.OrdinalIgnoreCase) || message.Contains("<!doctype", StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string message) =>
        message.Length <= 200 ? message : string.Concat(message.AsSpan(0, 200), "…");
}
