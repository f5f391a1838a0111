using System.Text;
using System.Text.Json.Nodes;
using K2Verifier.LocalEngine.ToolCallFormats;

namespace K2Verifier.LocalEngine.Simulation;

/// <summary>
/// The server's side of the parse step: a completion parsed in the profile's mode, written as the OpenAI-shaped
/// chat.completion body (or the SSE text of a stream) an HTTP deployment would send.
/// </summary>
public static class ServerResponse
{
    /// <summary>The message content, tool calls and finish_reason a server derives from <paramref name="completion"/>.</summary>
    /// <param name="completion">The completion text (possibly cut).</param>
    /// <param name="mode">The parser mode.</param>
    /// <param name="hitLength">True when generation stopped at the token limit.</param>
    public static (string? Content, IReadOnlyList<ParsedToolCall> Calls, string FinishReason) Parse(string completion, ParseMode mode, bool hitLength)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var parsed = KimiK2ToolCallFormat.Instance.Parse(completion, mode);
        if (hitLength || parsed.Truncated)
        {
            return (completion, [], "length");
        }

        if (parsed.Calls.Count == 0)
        {
            // Every call was dropped (or there were none): the server returns the text as content.
            return (completion, [], "stop");
        }

        var content = parsed.Content.Length == 0 ? null : parsed.Content;
        return (content, parsed.Calls, "tool_calls");
    }

    /// <summary>A non-streamed <c>chat.completion</c> body.</summary>
    public static string ChatCompletion(string id, long created, string model, string? content, IReadOnlyList<ParsedToolCall> calls, string finishReason, int promptTokens, int completionTokens)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = content };
        if (calls.Count > 0)
        {
            message["tool_calls"] = new JsonArray([.. calls.Select((c, i) => (JsonNode)ToolCall(c, null))]);
        }

        var body = new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion",
            ["created"] = created,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
            ["usage"] = Usage(promptTokens, completionTokens),
        };
        return body.ToJsonString();
    }

    /// <summary>The SSE text of a streamed completion: role, content, one chunk per call, finish, usage, <c>[DONE]</c>.</summary>
    public static string Stream(string id, long created, string model, string? content, IReadOnlyList<ParsedToolCall> calls, string finishReason, int promptTokens, int completionTokens)
    {
        var text = new StringBuilder();
        void Chunk(JsonObject delta, string? finish, JsonObject? usage = null)
        {
            var chunk = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion.chunk",
                ["created"] = created,
                ["model"] = model,
                ["choices"] = usage is null ? new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }) : new JsonArray(),
            };
            if (usage is not null)
            {
                chunk["usage"] = usage;
            }

            text.Append("data: ").Append(chunk.ToJsonString()).Append("\n\n");
        }

        Chunk(new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null);
        if (!string.IsNullOrEmpty(content))
        {
            Chunk(new JsonObject { ["content"] = content }, null);
        }

        for (var i = 0; i < calls.Count; i++)
        {
            Chunk(new JsonObject { ["tool_calls"] = new JsonArray(ToolCall(calls[i], i)) }, null);
        }

        Chunk([], finishReason);
        Chunk([], null, Usage(promptTokens, completionTokens));
        return text.Append("data: [DONE]\n\n").ToString();
    }

    /// <summary>Estimated tokens: ASCII characters / 4 plus other characters / 1.5 (the dataset's estimate).</summary>
    public static int EstimateTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ascii = text.Count(c => c < 128);
        return (int)Math.Ceiling((ascii / 4.0) + ((text.Length - ascii) / 1.5));
    }

    private static JsonObject ToolCall(ParsedToolCall call, int? index)
    {
        var node = new JsonObject();
        if (index is not null)
        {
            node["index"] = index;
        }

        node["id"] = call.Id;
        node["type"] = "function";
        node["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments };
        return node;
    }

    private static JsonObject Usage(int prompt, int completion) =>
        new() { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion };
}
