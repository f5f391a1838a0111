using System.Text;
using System.Text.Json.Nodes;
using K2Verifier.LocalEngine.ToolCallFormats;

namespace K2Verifier.LocalEngine.Serving;

/// <summary>Writes <c>chat.completion.chunk</c> events as SSE text (<c>data: {…}</c> and a blank line each).</summary>
internal sealed class SseChunkWriter(string id, long created, string model)
{
    private readonly StringBuilder _text = new();

    /// <summary>A chunk with one choice carrying <paramref name="delta"/>.</summary>
    public void Delta(JsonObject delta) => Chunk(new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = null }));

    /// <summary>The chunk with the finish_reason and an empty delta.</summary>
    public void Finish(string finishReason) => Chunk(new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject(), ["finish_reason"] = finishReason }));

    /// <summary>The usage chunk: no choices, top-level usage.</summary>
    public void Usage(int promptTokens, int completionTokens) => Chunk(new JsonArray(), ServerResponse.Usage(promptTokens, completionTokens));

    /// <summary>Ends the stream with <c>[DONE]</c> and returns the text.</summary>
    public string Done() => _text.Append("data: [DONE]\n\n").ToString();

    /// <summary>A streamed tool call (with its index).</summary>
    public static JsonObject ToolCall(ParsedToolCall call, int index) => new()
    {
        ["index"] = index,
        ["id"] = call.Id,
        ["type"] = "function",
        ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = call.Arguments },
    };

    private void Chunk(JsonArray choices, JsonObject? usage = null)
    {
        var chunk = new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = created,
            ["model"] = model,
            ["choices"] = choices,
        };
        if (usage is not null)
        {
            chunk["usage"] = usage;
        }

        _text.Append("data: ").Append(chunk.ToJsonString()).Append("\n\n");
    }
}
