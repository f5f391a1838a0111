using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace K2Verifier.Integration.Tests.FakeVendor;

/// <summary>Renders a <see cref="FakeCompletion"/> the way an OpenAI-compatible server does (bodies and SSE chunk payloads).</summary>
public static class FakeWire
{
    private const long Created = 1_700_000_000;

    // Like real servers: quotes escaped as \" and non-ASCII kept, not \u0022 / \u00e9.
    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The non-stream body for <paramref name="request"/>'s endpoint.</summary>
    public static string Body(FakeCompletion completion, FakeRequest request)
    {
        JsonObject choice = request.IsCompletions
            ? new JsonObject { ["index"] = 0, ["text"] = completion.Content ?? string.Empty, ["logprobs"] = null, ["finish_reason"] = completion.FinishReason }
            : new JsonObject { ["index"] = 0, ["message"] = Message(completion), ["finish_reason"] = completion.FinishReason };
        var body = new JsonObject { ["choices"] = new JsonArray(choice), ["usage"] = Usage(completion) };
        return Envelope(body, request.IsCompletions ? "text_completion" : "chat.completion", request).ToJsonString(Wire);
    }

    /// <summary>The SSE data payloads, in order, without <c>[DONE]</c>: deltas, a finish chunk, and a usage chunk (<c>choices: []</c>) when asked.</summary>
    public static IReadOnlyList<string> Chunks(FakeCompletion completion, FakeRequest request)
    {
        List<JsonObject> chunks = request.IsCompletions ? CompletionsChunks(completion) : ChatChunks(completion);
        if (request.IncludeUsage)
        {
            chunks.Add(new JsonObject { ["choices"] = new JsonArray(), ["usage"] = Usage(completion) });
        }

        string kind = request.IsCompletions ? "text_completion" : "chat.completion.chunk";
        return [.. chunks.Select(chunk => Envelope(chunk, kind, request).ToJsonString(Wire))];
    }

    /// <summary>Splits <paramref name="text"/> into at most <paramref name="pieces"/> non-empty parts (none for empty text).</summary>
    public static IReadOnlyList<string> Split(string text, int pieces)
    {
        if (text.Length == 0)
        {
            return [];
        }

        int size = Math.Max(1, (int)Math.Ceiling(text.Length / (double)Math.Max(1, pieces)));
        return [.. Enumerable.Range(0, (text.Length + size - 1) / size).Select(i => text.Substring(i * size, Math.Min(size, text.Length - (i * size))))];
    }

    internal static string CallId(FakeToolCall call, int index) =>
        call.Id ?? string.Create(CultureInfo.InvariantCulture, $"functions.{call.Name}:{index}");

    private static List<JsonObject> ChatChunks(FakeCompletion completion)
    {
        var chunks = new List<JsonObject> { Delta(new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }) };
        foreach (string piece in Split(completion.ReasoningContent ?? string.Empty, completion.ChunksPerText))
        {
            chunks.Add(Delta(new JsonObject { ["reasoning_content"] = piece }));
        }

        foreach (string piece in Split(completion.Content ?? string.Empty, completion.ChunksPerText))
        {
            chunks.Add(Delta(new JsonObject { ["content"] = piece }));
        }

        IReadOnlyList<FakeToolCall> calls = completion.ToolCalls ?? [];
        for (int index = 0; index < calls.Count; index++)
        {
            FakeToolCall call = calls[index];
            chunks.Add(Delta(ToolCallDelta(index, new JsonObject
            {
                ["id"] = CallId(call, index),
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = string.Empty },
            })));
            foreach (string piece in Split(call.Arguments, completion.ChunksPerText))
            {
                chunks.Add(Delta(ToolCallDelta(index, new JsonObject { ["function"] = new JsonObject { ["arguments"] = piece } })));
            }
        }

        chunks.Add(new JsonObject { ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject(), ["finish_reason"] = completion.FinishReason }) });
        return chunks;
    }

    private static List<JsonObject> CompletionsChunks(FakeCompletion completion)
    {
        var chunks = Split(completion.Content ?? string.Empty, completion.ChunksPerText)
            .Select(piece => new JsonObject { ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["text"] = piece, ["finish_reason"] = null }) })
            .ToList();
        chunks.Add(new JsonObject { ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["text"] = string.Empty, ["finish_reason"] = completion.FinishReason }) });
        return chunks;
    }

    private static JsonObject Delta(JsonObject delta) =>
        new() { ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = null }) };

    private static JsonObject ToolCallDelta(int index, JsonObject call) =>
        new() { ["tool_calls"] = new JsonArray(MoveInto(new JsonObject { ["index"] = index }, call)) }; // index first, as vendors send it

    private static JsonObject Envelope(JsonObject payload, string kind, FakeRequest request) => MoveInto(
        new JsonObject
        {
            ["id"] = Id(request.IsCompletions ? "cmpl" : "chatcmpl", request),
            ["object"] = kind,
            ["created"] = Created,
            ["model"] = request.Model,
        },
        payload);

    /// <summary>Appends the properties of <paramref name="source"/> to <paramref name="target"/> (a node has one parent: they move).</summary>
    private static JsonObject MoveInto(JsonObject target, JsonObject source)
    {
        foreach ((string name, JsonNode? value) in source.ToList())
        {
            source.Remove(name);
            target[name] = value;
        }

        return target;
    }

    private static JsonObject Message(FakeCompletion completion)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = completion.Content };
        if (completion.ReasoningContent is not null)
        {
            message["reasoning_content"] = completion.ReasoningContent;
        }

        if (completion.ToolCalls is { } calls)
        {
            message["tool_calls"] = new JsonArray([.. calls.Select((call, index) => (JsonNode)new JsonObject
            {
                ["id"] = CallId(call, index),
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments },
            })]);
        }

        return message;
    }

    private static JsonObject Usage(FakeCompletion completion) => new()
    {
        ["prompt_tokens"] = completion.PromptTokens,
        ["completion_tokens"] = completion.CompletionTokens,
        ["total_tokens"] = completion.PromptTokens + completion.CompletionTokens,
    };

    private static string Id(string prefix, FakeRequest request) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-fake-{request.Sequence}");
}
