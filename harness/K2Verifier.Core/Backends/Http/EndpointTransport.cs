using System.Net.Http.Headers;
using K2Verifier.Running;

namespace K2Verifier.Backends.Http;

/// <summary>
/// POSTs one raw JSON body to the endpoint's <c>/chat/completions</c> (or <c>/completions</c>) and hands back the
/// response with its headers read and its body unread. The body goes as given (bytes when the caller has them), with
/// <c>Authorization: Bearer</c>, <c>Content-Type</c>/<c>Accept: application/json</c> and a <c>User-Agent</c>; no
/// retries, no timeout of its own (ours are in the Polly pipeline: the per-attempt timeout, which also covers the
/// stream, comes in as the token), no exception for an HTTP status. This is what the OpenAI .NET SDK's protocol-level
/// method did for us, at 11 % of the Native AOT CLI's CPU on a 4,000-request replay (docs/performance.md, "The HTTP
/// transport").
/// </summary>
internal sealed class EndpointTransport : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly string UserAgent = "K2Verifier/" + HarnessVersion.Value.Split('+')[0];

    private readonly HttpClient _httpClient;
    private readonly Uri _uri;
    private readonly string _authorization;

    /// <param name="options">Endpoint, key and path.</param>
    /// <param name="handler">The HTTP handler chain the requests go through (owned: disposed with the transport).</param>
    public EndpointTransport(HttpBackendOptions options, HttpMessageHandler handler)
    {
        _httpClient = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        string endpoint = options.BaseUrl.AbsoluteUri.TrimEnd('/');
        _uri = new Uri(endpoint + (options.UseRawCompletions ? "/completions" : "/chat/completions"));
        _authorization = "Bearer " + options.EffectiveApiKey;
    }

    /// <summary>POSTs the body; the caller owns (disposes) the response, whose content is not read yet.</summary>
    /// <param name="body">The JSON request body, sent as is; null when <paramref name="bodyUtf8"/> holds it.</param>
    /// <param name="bodyUtf8">The body as UTF-8 when the caller has it (then sent without encoding), else empty.</param>
    /// <param name="cancellationToken">The attempt's token (per-attempt timeout and the caller's cancellation).</param>
    public Task<HttpResponseMessage> SendAsync(string? body, ReadOnlyMemory<byte> bodyUtf8, CancellationToken cancellationToken)
    {
        var content = new ReadOnlyMemoryContent(bodyUtf8.IsEmpty ? System.Text.Encoding.UTF8.GetBytes(body ?? string.Empty) : bodyUtf8);
        content.Headers.ContentType = Json;
        var request = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>The socket handler used when none is injected: the connect timeout, pooled connections for a minute.</summary>
    public static SocketsHttpHandler CreateSocketsHandler(HttpBackendOptions options) => new()
    {
        ConnectTimeout = options.ConnectTimeout < options.Timeout ? options.ConnectTimeout : options.Timeout,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
        MaxConnectionsPerServer = int.MaxValue,
    };

    public void Dispose() => _httpClient.Dispose();
}
