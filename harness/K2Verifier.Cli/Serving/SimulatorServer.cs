using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.LocalEngine.Simulation;
using K2Verifier.Preparation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K2Verifier.Cli.Serving;

/// <summary>
/// Serves a <see cref="SimulatedBackend"/> over HTTP on 127.0.0.1 at <c>POST /v1/chat/completions</c> (JSON, or SSE when
/// the body asks for a stream). Requests are matched to dataset lines by their messages to find the expected label
/// (unknown requests are answered as the label <c>stop</c> would have them). Transport faults of the <c>flaky</c> and
/// <c>slow</c> profiles apply to in-process runs only.
/// </summary>
internal sealed class SimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatedBackend _backend;
    private readonly IReadOnlyDictionary<string, int> _indexByMessages;

    private SimulatorServer(WebApplication app, SimulatedBackend backend, IReadOnlyDictionary<string, int> indexByMessages)
    {
        _app = app;
        _backend = backend;
        _indexByMessages = indexByMessages;
    }

    /// <summary>The base URL to give <c>run --base-url</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Starts serving on <paramref name="port"/> (0 picks a free port).</summary>
    public static async Task<SimulatorServer> StartAsync(SimulatedBackend backend, string? datasetPath, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new SimulatorServer(app, backend, datasetPath is null ? new Dictionary<string, int>() : IndexDataset(datasetPath));
        app.MapPost("/v1/chat/completions", (RequestDelegate)server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri($"http://127.0.0.1:{new Uri(address).Port}/v1");
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The key a request is matched by: its messages with <c>_input</c> sent as <c>system</c>, as compact JSON.</summary>
    internal static string MessagesKey(JsonNode? messages)
    {
        if (messages is not JsonArray list)
        {
            return string.Empty;
        }

        var copy = (JsonArray)list.DeepClone();
        foreach (var message in copy.OfType<JsonObject>())
        {
            if (message["role"]?.GetValueKind() == JsonValueKind.String && message["role"]!.GetValue<string>() == "_input")
            {
                message["role"] = "system";
            }
        }

        return copy.ToJsonString();
    }

    private static Dictionary<string, int> IndexDataset(string path)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line) && JsonNode.Parse(line) is JsonObject body)
            {
                index.TryAdd(MessagesKey(body["messages"]), number);
            }
        }

        return index;
    }

    private async Task HandleAsync(HttpContext context)
    {
        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body?["messages"] is not JsonArray)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("""{"error":{"message":"the body must be a chat-completion request with messages"}}""", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var dataIndex = _indexByMessages.GetValueOrDefault(MessagesKey(body["messages"]));
        var stream = body["stream"]?.GetValueKind() == JsonValueKind.True;
        var response = _backend.Respond(body, dataIndex, Tools(body), stream);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = stream ? "text/event-stream" : "application/json";
        await context.Response.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static List<ToolDeclaration> Tools(JsonObject body)
    {
        var tools = new List<ToolDeclaration>();
        if (body["tools"] is not JsonArray list)
        {
            return tools;
        }

        foreach (var function in list.OfType<JsonObject>().Select(t => t["function"]).OfType<JsonObject>())
        {
            var name = function["name"]?.GetValueKind() == JsonValueKind.String ? function["name"]!.GetValue<string>() : string.Empty;
            JsonElement? parameters = function["parameters"] is { } p ? JsonDocument.Parse(p.ToJsonString()).RootElement.Clone() : null;
            tools.Add(new ToolDeclaration(name, parameters));
        }

        return tools;
    }
}
