using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace K2Verifier.Backends.Http;

/// <summary>
/// Sends one raw JSON body through the OpenAI .NET SDK at the protocol level and hands back the raw response.
/// The SDK's typed API is not used: it throws on values it does not know, and a verifier records what it got.
/// The SDK's own retries are off (ours are in the Polly pipeline), its network timeout is infinite (ours is
/// the per-attempt timeout, which also covers the stream), and its logging is off (no logger is configured, and the
/// logging policy would otherwise inspect every request and response): the client pipeline is the user-agent and
/// custom-headers policy, the API-key policy and the transport.
/// </summary>
internal sealed class OpenAiProtocolTransport : IDisposable
{
    // ChatClient needs a model name, but the protocol method sends the body as given: the body's "model" wins and
    // this name is never sent.
    private const string UnusedModelName = "k2verifier-protocol-level";

    private readonly HttpClient _httpClient;
    private readonly ChatClient _chat;
    private readonly Uri? _completionsUri;

    /// <param name="options">Endpoint, key and transport.</param>
    /// <param name="handler">The HTTP handler chain the requests go through (owned: disposed with the transport).</param>
    public OpenAiProtocolTransport(HttpBackendOptions options, HttpMessageHandler handler)
    {
        _httpClient = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        Uri endpoint = TrimTrailingSlash(options.BaseUrl);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = NoRetryPipelinePolicy.Instance,
            NetworkTimeout = Timeout.InfiniteTimeSpan,
            ClientLoggingOptions = new ClientLoggingOptions { EnableLogging = false },
            Transport = new HttpClientPipelineTransport(_httpClient),
        };
        _chat = new ChatClient(UnusedModelName, new ApiKeyCredential(options.EffectiveApiKey), clientOptions);

        // The SDK's completions client (LegacyCompletionClient) is internal in 2.15, so /completions goes through the
        // same client pipeline (same auth header, same transport) with a hand-made message.
        _completionsUri = options.UseRawCompletions ? new Uri(endpoint.AbsoluteUri + "/completions") : null;
    }

    /// <summary>POSTs <paramref name="body"/>; the caller owns (disposes) the response.</summary>
    /// <param name="body">The JSON request body, sent as is; null when <paramref name="bodyUtf8"/> holds it.</param>
    /// <param name="bodyUtf8">The body as UTF-8 when the caller has it (then sent without encoding), else empty.</param>
    /// <param name="bufferResponse">False for streams: the response then holds the live network stream.</param>
    /// <param name="cancellationToken">The attempt's token (per-attempt timeout and the caller's cancellation).</param>
    public async Task<PipelineResponse> SendAsync(string? body, ReadOnlyMemory<byte> bodyUtf8, bool bufferResponse, CancellationToken cancellationToken)
    {
        var requestOptions = new RequestOptions
        {
            BufferResponse = bufferResponse,
            ErrorOptions = ClientErrorBehaviors.NoThrow,
            CancellationToken = cancellationToken,
        };
        using BinaryContent content = BinaryContent.Create(bodyUtf8.IsEmpty ? BinaryData.FromString(body ?? string.Empty) : BinaryData.FromBytes(bodyUtf8));
        if (_completionsUri is null)
        {
            ClientResult result = await _chat.CompleteChatAsync(content, requestOptions);
            return result.GetRawResponse();
        }

        using PipelineMessage message = _chat.Pipeline.CreateMessage();
        message.Request.Method = "POST";
        message.Request.Uri = _completionsUri;
        message.Request.Headers.Set("Content-Type", "application/json");
        message.Request.Headers.Set("Accept", "application/json");
        message.Request.Content = content;
        message.Apply(requestOptions);
        await _chat.Pipeline.SendAsync(message);
        return message.ExtractResponse() ?? throw new InvalidOperationException("The client pipeline returned no response.");
    }

    /// <summary>The socket handler used when none is injected: the connect timeout, pooled connections for a minute.</summary>
    public static SocketsHttpHandler CreateSocketsHandler(HttpBackendOptions options) => new()
    {
        ConnectTimeout = options.ConnectTimeout < options.Timeout ? options.ConnectTimeout : options.Timeout,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
        MaxConnectionsPerServer = int.MaxValue,
    };

    public void Dispose() => _httpClient.Dispose();

    private static Uri TrimTrailingSlash(Uri baseUrl) =>
        baseUrl.AbsoluteUri.EndsWith('/') ? new Uri(baseUrl.AbsoluteUri.TrimEnd('/')) : baseUrl;
}
