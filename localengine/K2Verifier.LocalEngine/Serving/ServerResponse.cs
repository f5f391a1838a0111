using System.Text.Json.Nodes;
using K2Verifier.LocalEngine.ToolCallFormats;

namespace K2Verifier.LocalEngine.Serving;

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
    public static (string? Content, IReadOnlyList<ParsedToolCall> Calls, string FinishReason) Parse(string completion, ParseMode mode, bool hitLength) =>
        Parse(completion, KimiK2ToolCallFormat.Instance, mode, hitLength);

    /// <summary>
    /// The message content, tool calls and finish_reason a server derives from <paramref name="completion"/> in
    /// <paramref name="format"/>, by <see cref="FinishReasonRule"/> with the vendor's own reason <c>length</c> when
    /// generation hit its limit, else <c>stop</c>.
    /// </summary>
    public static (string? Content, IReadOnlyList<ParsedToolCall> Calls, string FinishReason) Parse(string completion, IToolCallFormat format, ParseMode mode, bool hitLength)
    {
        var parsed = FinishReasonRule.Apply(completion, format, mode, hitLength ? "length" : "stop");
        return (parsed.Content, parsed.Calls, parsed.FinishReason);
    }

    /// <summary>A non-streamed <c>chat.completion</c> body.</summary>
    public static string ChatCompletion(string id, long created, string model, string? content, IReadOnlyList<ParsedToolCall> calls, string finishReason, int promptTokens, int completionTokens)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = content };
        if (calls.Count > 0)
        {
            message["tool_calls"] = new JsonArray([.. calls.Select(c => (JsonNode)ToolCall(c))]);
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
        var writer = new SseChunkWriter(id, created, model);
        writer.Delta(new JsonObject { ["role"] = "assistant", ["content"] = string.Empty });
        if (!string.IsNullOrEmpty(content))
        {
            writer.Delta(new JsonObject { ["content"] = content });
        }

        for (var i = 0; i < calls.Count; i++)
        {
            writer.Delta(new JsonObject { ["tool_calls"] = new JsonArray(SseChunkWriter.ToolCall(calls[i], i)) });
        }

        writer.Finish(finishReason);
        writer.Usage(promptTokens, completionTokens);
        return writer.Done();
    }

    /// <summary>Estimated tokens: ASCII characters / 4 plus other characters / 1.5 (the dataset's estimate).</summary>
    public static int EstimateTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ascii = text.Count(c => c < 128);
        return (int)Math.Ceiling((ascii / 4.0) + ((text.Length - ascii) / 1.5));
    }

    private static JsonObject ToolCall(ParsedToolCall call) => new()
    {
        ["id"] = call.Id,
        ["type"] = "function",
        ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments },
    };

    /// <summary>The <c>usage</c> object.</summary>
    internal static JsonObject Usage(int prompt, int completion) =>
        new() { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion };
}
