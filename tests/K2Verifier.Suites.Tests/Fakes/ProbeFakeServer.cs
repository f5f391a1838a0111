using System.Text;
using System.Text.Json.Nodes;
using K2Verifier.Backends;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K2Verifier.Suites.Tests.Fakes;

/// <summary>
/// A Kestrel fake vendor on 127.0.0.1:0 at <c>/v1/chat/completions</c>: each request body goes to the answer function;
/// the answer is written as a chat.completion, as SSE chunks when the request streams, or as an error body.
/// </summary>
public sealed class ProbeFakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProbeFakeServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int Requests => _requests;

    private int _requests;

    public static async Task<ProbeFakeServer> StartAsync(Func<JsonObject, FakeAnswer> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        ProbeFakeServer? self = null;
        app.MapPost("/v1/chat/completions", async context =>
        {
            Interlocked.Increment(ref self!._requests);
            var body = (JsonNode.Parse(await new StreamReader(context.Request.Body).ReadToEndAsync()) as JsonObject)!;
            await WriteAsync(context, body, answer(body));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new ProbeFakeServer(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/v1"));
        return self;
    }

    public HttpChatBackend Backend() => new(new HttpBackendOptions
    {
        BaseUrl = BaseUrl,
        Timeout = TimeSpan.FromSeconds(30),
        Retry = RetryOptions.Default with { Retries = 0, RateLimitRetries = 0 },
    });

    private static async Task WriteAsync(HttpContext context, JsonObject request, FakeAnswer answer)
    {
        if (answer.Status != 200)
        {
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["message"] = answer.Error, ["type"] = "invalid_request_error" } }.ToJsonString());
            return;
        }

        var calls = new JsonArray([.. answer.Calls.Select((c, i) => new JsonObject
        {
            ["index"] = i,
            ["id"] = $"functions.{c.Name}:{i}",
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments },
        })]);
        var finish = answer.Calls.Count > 0 ? "tool_calls" : "stop";
        var usage = new JsonObject { ["prompt_tokens"] = answer.PromptTokens, ["completion_tokens"] = 3, ["total_tokens"] = answer.PromptTokens + 3 };
        if (request["stream"] is JsonValue stream && stream.GetValue<bool>())
        {
            context.Response.ContentType = "text/event-stream";
            var delta = new JsonObject { ["role"] = "assistant", ["content"] = answer.Content };
            if (calls.Count > 0)
            {
                delta["tool_calls"] = calls;
            }

            var sse = new StringBuilder();
            sse.Append("data: ").Append(Chunk(new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }), null)).Append("\n\n");
            sse.Append("data: ").Append(Chunk([], usage)).Append("\n\n").Append("data: [DONE]\n\n");
            await context.Response.WriteAsync(sse.ToString());
            return;
        }

        var message = new JsonObject { ["role"] = "assistant", ["content"] = answer.Content };
        if (calls.Count > 0)
        {
            message["tool_calls"] = calls;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["model"] = "fake",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
            ["usage"] = usage,
        }.ToJsonString());
    }

    private static string Chunk(JsonArray choices, JsonObject? usage)
    {
        var chunk = new JsonObject { ["id"] = "chatcmpl-fake", ["object"] = "chat.completion.chunk", ["model"] = "fake", ["choices"] = choices };
        if (usage is not null)
        {
            chunk["usage"] = usage;
        }

        return chunk.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
