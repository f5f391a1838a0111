using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K2Verifier.Integration.Tests.FakeVendor;

/// <summary>
/// A scriptable OpenAI-compatible vendor on loopback (Kestrel on <c>127.0.0.1:0</c>) serving
/// <c>POST /v1/chat/completions</c> and <c>POST /v1/completions</c>. Each request is answered by, in order:
/// <see cref="OnRequest"/> (when it returns a behaviour), the behaviour scripted for the request's key with
/// <see cref="Script"/>, or <see cref="Fallback"/>. The key is the body's top-level <c>"k2v_script"</c> string when
/// present (an extra-body field: it leaves the messages untouched), else the text of the last message, else the
/// <c>prompt</c> (see <see cref="FakeRequest.KeyOf"/>). Every request is recorded, headers included.
/// Dispose it: it stops within a few seconds even with slow replies in flight.
/// </summary>
public sealed class FakeVendorServer : IAsyncDisposable
{
    /// <summary>At most this many requests are answered (a safety bound on runaway loops); later ones get 503.</summary>
    public const int MaxRequests = 100_000;

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, FakeBehavior> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _attemptsByKey = new(StringComparer.Ordinal);
    private readonly List<FakeRequest> _requests = [];
    private readonly Lock _requestsLock = new();
    private int _sequence;

    private FakeVendorServer(WebApplication app) => _app = app;

    /// <summary>The base URL to give a backend: <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The bound port.</summary>
    public int Port { get; private set; }

    /// <summary>The answer when nothing else matches. Default: <see cref="FakeReplies.Stop"/>.</summary>
    public FakeBehavior Fallback { get; set; } = FakeReplies.Stop();

    /// <summary>Consulted first for every request; return null to fall through to the scripts. Default: null.</summary>
    public Func<FakeRequest, FakeBehavior?>? OnRequest { get; set; }

    /// <summary>A snapshot of every request received so far, in arrival order.</summary>
    public IReadOnlyList<FakeRequest> Requests
    {
        get
        {
            lock (_requestsLock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeVendorServer> StartAsync(CancellationToken cancellationToken = default)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var server = new FakeVendorServer(app);
        app.MapPost("/v1/chat/completions", (RequestDelegate)server.HandleAsync);
        app.MapPost("/v1/completions", (RequestDelegate)server.HandleAsync);
        await app.StartAsync(cancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Port = new Uri(address).Port;
        server.BaseUrl = new Uri($"http://127.0.0.1:{server.Port}/v1");
        return server;
    }

    /// <summary>Answers requests whose key is <paramref name="key"/> with <paramref name="behavior"/> (replacing any earlier script).</summary>
    public FakeVendorServer Script(string key, FakeBehavior behavior)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(behavior);
        _scripts[key] = behavior;
        return this;
    }

    /// <summary>The requests received with <paramref name="key"/>, in arrival order.</summary>
    public IReadOnlyList<FakeRequest> RequestsFor(string key) => [.. Requests.Where(r => r.Key == key)];

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(stopTimeout.Token);
        }
        catch (OperationCanceledException)
        {
            // in-flight requests were cut off; the server is down anyway
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        CancellationToken ct = linked.Token;
        string body;
        using (var reader = new StreamReader(context.Request.Body))
        {
            body = await reader.ReadToEndAsync(ct);
        }

        FakeRequest? request = Record(context, body);
        if (request is null)
        {
            await FakeReplies.JsonAsync(context, StatusCodes.Status400BadRequest, """{"error":{"message":"body is not a JSON object","type":"invalid_request_error"}}""", ct);
            return;
        }

        if (request.Sequence > MaxRequests)
        {
            await FakeReplies.JsonAsync(context, StatusCodes.Status503ServiceUnavailable, """{"error":{"message":"fake vendor request cap reached"}}""", ct);
            return;
        }

        FakeBehavior behavior = OnRequest?.Invoke(request) ?? (_scripts.TryGetValue(request.Key, out FakeBehavior? scripted) ? scripted : Fallback);
        try
        {
            await behavior.ExecuteAsync(request, context, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the client went away or the server stops
        }
    }

    private FakeRequest? Record(HttpContext context, string body)
    {
        JsonElement json;
        try
        {
            using var document = JsonDocument.Parse(body);
            json = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            json = default;
        }

        string key = json.ValueKind == JsonValueKind.Object ? FakeRequest.KeyOf(json) : string.Empty;
        var request = new FakeRequest
        {
            Sequence = Interlocked.Increment(ref _sequence),
            Path = context.Request.Path.Value ?? string.Empty,
            Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body,
            Key = key,
            AttemptForKey = _attemptsByKey.AddOrUpdate(key, 1, (_, n) => n + 1),
            Model = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("model", out JsonElement model) && model.ValueKind == JsonValueKind.String ? model.GetString()! : string.Empty,
            Stream = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("stream", out JsonElement stream) && stream.ValueKind == JsonValueKind.True,
            IncludeUsage = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("stream_options", out JsonElement options)
                && options.ValueKind == JsonValueKind.Object && options.TryGetProperty("include_usage", out JsonElement usage) && usage.ValueKind == JsonValueKind.True,
            ReceivedAt = TimeProvider.System.GetUtcNow(),
        };
        lock (_requestsLock)
        {
            _requests.Add(request);
        }

        return json.ValueKind == JsonValueKind.Object ? request : null;
    }
}
