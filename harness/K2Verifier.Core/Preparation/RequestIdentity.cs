using System.Buffers;
using System.Text.Json;
using K2Verifier.Json;

namespace K2Verifier.Preparation;

/// <summary>
/// What makes two chat-completion requests the same question whatever a run overrides: the md5 (K2VV's hash, Python-style
/// serialisation) of their <c>messages</c> (with <c>_input</c> sent as <c>system</c>), <c>tools</c>, <c>tool_choice</c>
/// and <c>stream</c>. Fields a run rewrites (<c>model</c>, <c>stream_options</c>, <c>temperature</c>,
/// <c>max_tokens</c>, the extra body) are left out, so a dataset line, the request a run sent for it and the row a
/// vendor's run recorded for it have the same identity. The simulator finds labels by it; compare joins runs by it.
/// </summary>
public static class RequestIdentity
{
    private static readonly string[] Copied = ["tools", "tool_choice"];

    /// <summary>The identity of a request body (an object; anything else has the identity of an empty request).</summary>
    public static string Of(JsonElement request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (request.ValueKind == JsonValueKind.Object)
            {
                if (request.TryGetProperty("messages", out var messages) && messages.ValueKind != JsonValueKind.Null)
                {
                    writer.WritePropertyName("messages");
                    WriteMessages(writer, messages);
                }

                foreach (var field in Copied)
                {
                    if (request.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null)
                    {
                        writer.WritePropertyName(field);
                        value.WriteTo(writer);
                    }
                }

                if (request.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
                {
                    writer.WriteBoolean("stream", true);
                }
            }

            writer.WriteEndObject();
        }

        using var key = JsonDocument.Parse(buffer.WrittenMemory);
        return PythonJson.Md5Hex(key.RootElement);
    }

    private static void WriteMessages(Utf8JsonWriter writer, JsonElement messages)
    {
        if (messages.ValueKind != JsonValueKind.Array)
        {
            messages.WriteTo(writer);
            return;
        }

        writer.WriteStartArray();
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("role", out var role) || !role.ValueEquals("_input"))
            {
                message.WriteTo(writer);
                continue;
            }

            writer.WriteStartObject();
            foreach (var property in message.EnumerateObject())
            {
                if (property.NameEquals("role"))
                {
                    writer.WriteString("role", "system");
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
