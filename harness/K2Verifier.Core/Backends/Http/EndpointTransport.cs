using System.Net.Http.Headers;
using K2Verifier.Preparation;
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

    /// <summary>POSTs the request's wire body as is; the caller owns (disposes) the response, whose content is not read yet.</summary>
    /// <param name="request">Its <see cref="PreparedRequest.WireBodyUtf8"/> is sent when kept, else its wire body encoded.</param>
    /// <param name="cancellationToken">The attempt's token (per-attempt timeout and the caller's cancellation).</param>
    public Task<HttpResponseMessage> SendAsync(PreparedRequest request, CancellationToken cancellationToken)
    {
        var body = request.WireBodyUtf8;
        var content = new ReadOnlyMemoryContent(body.IsEmpty ? System.Text.Encoding.UTF8.GetBytes(request.WireBodyJson) : body);
        content.Headers.ContentType = Json;
        var message = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = content };
        message.Headers.TryAddWithoutValidation("Authorization", _authorization);
        message.Headers.TryAddWithoutValidation("Accept", "application/json");
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
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
