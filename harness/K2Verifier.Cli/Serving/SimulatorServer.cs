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
/// the body asks for a stream). Requests are matched to dataset lines by their identity (<see cref="Preparation.RequestIdentity"/>:
/// messages, tools, tool_choice, stream) to find the data_index and its label; an unknown request is answered as the
/// label <c>stop</c> would have it and said on the log. The <c>flaky</c> and <c>slow</c> profiles apply their faults on
/// the wire: 429 with <c>Retry-After</c>, 503, connection resets, and delayed, paced streams. A request failing
/// <see cref="RequestChecks"/> gets the in-process engine's 400 and error body.
/// </summary>
internal sealed partial class SimulatorServer : IAsyncDisposable
{
    private const int UnknownRequestsLogged = 3;
    private readonly WebApplication _app;
    private readonly SimulatedBackend _backend;
    private readonly DatasetIdentityIndex _index;
    private readonly TextWriter _log;
    private readonly TimeProvider _time;
    private int _unknownRequests;

    private SimulatorServer(WebApplication app, SimulatedBackend backend, DatasetIdentityIndex index, TextWriter log, TimeProvider time)
    {
        _app = app;
        _backend = backend;
        _index = index;
        _log = log;
        _time = time;
    }

    /// <summary>How many requests matched no dataset line so far.</summary>
    public int UnknownRequests => Volatile.Read(ref _unknownRequests);

    /// <summary>The base URL to give <c>run --base-url</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Starts serving on <paramref name="port"/> (0 picks a free port).</summary>
    /// <param name="backend">The simulated deployment.</param>
    /// <param name="datasetPath">The dataset whose requests will be sent (null: every request is unknown).</param>
    /// <param name="port">The loopback port.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="log">Where unknown requests are reported (default: none).</param>
    /// <param name="time">Clock of the <c>slow</c> profile's delays (default: the system's).</param>
    public static async Task<SimulatorServer> StartAsync(SimulatedBackend backend, string? datasetPath, int port, CancellationToken cancellationToken, TextWriter? log = null, TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var index = datasetPath is null ? DatasetIdentityIndex.Empty : DatasetIdentityIndex.Read(datasetPath);
        var server = new SimulatorServer(app, backend, index, log ?? TextWriter.Null, time ?? TimeProvider.System);
        app.MapPost("/v1/chat/completions", (RequestDelegate)server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri($"http://127.0.0.1:{new Uri(address).Port}/v1");
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (UnknownRequests > 0)
        {
            await _log.WriteLineAsync($"warning: simulator: {UnknownRequests} request(s) matched no dataset line and were answered without a label").ConfigureAwait(false);
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
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

        if (RequestChecks.Find(body) is { } refusal)
        {
            // The in-process engine's checks, with the same 400 and error body (suite params agrees over HTTP).
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(RequestChecks.ErrorBody(refusal.Param, refusal.Message), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var dataIndex = _index.Find(body) ?? await UnknownAsync(context).ConfigureAwait(false);
        if (await InjectFaultAsync(context, dataIndex).ConfigureAwait(false))
        {
            return;
        }

        var stream = body["stream"]?.GetValueKind() == JsonValueKind.True;
        var response = _backend.Respond(body, dataIndex, Tools(body), stream);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = stream ? "text/event-stream" : "application/json";
        await WriteAsync(context, dataIndex, response).ConfigureAwait(false);
    }

    private async Task<int> UnknownAsync(HttpContext context)
    {
        var count = Interlocked.Increment(ref _unknownRequests);
        context.Response.Headers["X-K2Verifier-Simulator"] = "unknown-request";
        if (count <= UnknownRequestsLogged)
        {
            var more = count == UnknownRequestsLogged ? " (further unknown requests are counted, not listed)" : string.Empty;
            await _log.WriteLineAsync($"warning: simulator: request {count} matches no dataset line (messages, tools, tool_choice, stream); answered as a request labelled stop. Give --dataset the file the run sends{more}").ConfigureAwait(false);
        }

        return 0;
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
