using System.Text;
using System.Text.Json;
using K2Verifier.Json;

namespace K2Verifier.Normalization;

/// <summary>
/// Accumulates a chat-completion stream as K2VV does: content and <c>reasoning_content</c> joined, tool calls merged by
/// index (id and type from the first delta, the latest non-empty name, argument fragments concatenated), the last
/// non-empty finish_reason (<c>stop</c> when none), and usage from the final usage chunk (K2VV reads only
/// <c>choices[0].usage</c>; we read the top-level <c>usage</c> first). Produces the chat.completion object to record.
/// </summary>
internal sealed class StreamAccumulator
{
    private readonly StringBuilder _content = new();
    private readonly StringBuilder _reasoning = new();
    private readonly SortedDictionary<int, ToolCallFragments> _toolCalls = [];
    private readonly List<string> _warnings = [];
    private string? _id;
    private long? _created;
    private string? _model;
    private string? _finishReason;
    private string? _usageJson;
    private bool _sawDone;

    /// <param name="requestModel">The model named until a chunk names one.</param>
    public StreamAccumulator(string? requestModel) => _model = requestModel;

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The <c>[DONE]</c> sentinel arrived.</summary>
    public void MarkDone() => _sawDone = true;

    /// <summary>Event <paramref name="eventNumber"/> (1-based) was not JSON.</summary>
    public void AddNotJson(string data, int eventNumber) => _warnings.Add($"event {eventNumber}: not JSON: {Truncate(data)}");

    /// <summary>Adds event <paramref name="eventNumber"/> (1-based), already parsed.</summary>
    public void Add(JsonElement chunk, int eventNumber)
    {
        if (chunk.ValueKind != JsonValueKind.Object)
        {
            _warnings.Add($"event {eventNumber}: not a JSON object");
            return;
        }

        AddChunk(chunk);
    }

    /// <summary>The chat.completion built from the events added, and the warnings (a missing <c>[DONE]</c> among them).</summary>
    public (string ResponseJson, IReadOnlyList<string> Warnings) Finish()
    {
        if (!_sawDone)
        {
            _warnings.Add(_finishReason is null
                ? "stream ended without [DONE] and without a finish_reason (truncated)"
                : "stream ended without [DONE]");
        }

        return (Build(), _warnings);
    }

    private void AddChunk(JsonElement chunk)
    {
        if (chunk.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } idText)
        {
            _id = idText;
        }

        if (chunk.TryGetProperty("created", out var created) && created.TryGetInt64(out var createdValue) && createdValue != 0)
        {
            _created = createdValue;
        }

        if (chunk.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String)
        {
            _model = model.GetString();
        }

        if (chunk.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
        {
            _usageJson = usage.GetRawText();
        }

        if (!chunk.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
        {
            return;
        }

        var choice = choices[0];
        if (choice.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (choice.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object)
        {
            AppendText(_content, delta, "content");
            AppendText(_reasoning, delta, "reasoning_content");
            if (delta.TryGetProperty("tool_calls", out var toolCalls) && toolCalls.ValueKind == JsonValueKind.Array)
            {
                AddToolCalls(toolCalls);
            }
        }
        else if (choice.TryGetProperty("text", out _))
        {
            AppendText(_content, choice, "text");
        }

        if (choice.TryGetProperty("finish_reason", out var finish) && finish.ValueKind == JsonValueKind.String && finish.GetString() is { Length: > 0 } reason)
        {
            _finishReason = reason;
        }

        if (_usageJson is null && choice.TryGetProperty("usage", out var choiceUsage) && choiceUsage.ValueKind == JsonValueKind.Object)
        {
            _usageJson = choiceUsage.GetRawText();
        }
    }

    private void AddToolCalls(JsonElement toolCalls)
    {
        foreach (var call in toolCalls.EnumerateArray())
        {
            if (call.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var index = call.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : 0;
            if (!_toolCalls.TryGetValue(index, out var fragments))
            {
                fragments = new ToolCallFragments(StringOrNull(call, "id"), StringOrNull(call, "type") ?? "function");
                _toolCalls[index] = fragments;
            }

            if (call.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.Object)
            {
                if (StringOrNull(function, "name") is { Length: > 0 } name)
                {
                    fragments.Name = name;
                }

                if (StringOrNull(function, "arguments") is { Length: > 0 } arguments)
                {
                    fragments.Arguments.Append(arguments);
                }
            }
        }
    }

    private string Build()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonText.CompactWriter))
        {
            writer.WriteStartObject();
            WriteStringOrNull(writer, "id", _id);
            writer.WriteString("object", "chat.completion");
            if (_created is { } created)
            {
                writer.WriteNumber("created", created);
            }
            else
            {
                writer.WriteNull("created");
            }

            WriteStringOrNull(writer, "model", _model);
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            WriteMessage(writer);
            writer.WriteString("finish_reason", _finishReason ?? "stop");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WritePropertyName("usage");
            if (_usageJson is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteRawValue(_usageJson);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void WriteMessage(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("message");
        writer.WriteString("role", "assistant");
        writer.WriteString("content", _content.ToString());
        if (_reasoning.Length > 0)
        {
            writer.WriteString("reasoning_content", _reasoning.ToString());
        }

        writer.WritePropertyName("tool_calls");
        if (_toolCalls.Count == 0)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStartArray();
            foreach (var (_, call) in _toolCalls)
            {
                writer.WriteStartObject();
                WriteStringOrNull(writer, "id", call.Id);
                writer.WriteString("type", call.Type);
                writer.WriteStartObject("function");
                writer.WriteString("name", call.Name);
                writer.WriteString("arguments", call.Arguments.ToString());
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void AppendText(StringBuilder builder, JsonElement element, string property)
    {
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
        {
            builder.Append(value.GetString());
        }
    }

    private static string? StringOrNull(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static string Truncate(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 79), "…");

    private sealed class ToolCallFragments(string? id, string type)
    {
        public string? Id { get; } = id;

        public string Type { get; } = type;

        public string Name { get; set; } = string.Empty;

        public StringBuilder Arguments { get; } = new();
    }
}
