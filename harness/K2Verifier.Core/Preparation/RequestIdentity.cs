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

    private static readonly byte[] MessagesName = "messages"u8.ToArray();
    private static readonly byte[] StreamName = "stream"u8.ToArray();
    private static readonly byte[] ToolChoiceName = "tool_choice"u8.ToArray();
    private static readonly byte[] ToolsName = "tools"u8.ToArray();

    /// <summary>The identity's members, in the code-point order of their names (plain ASCII: written unescaped).</summary>
    private static readonly byte[][] PartNames = [MessagesName, StreamName, ToolChoiceName, ToolsName];

    /// <summary>The identity of a request body (an object; anything else has the identity of an empty request).</summary>
    public static string Of(JsonElement request)
    {
        if (request.ValueKind == JsonValueKind.Object && !HasInputRole(request))
        {
            return OfParts(request);
        }

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

    /// <summary>
    /// K2VV's hash of a prepared request (<see cref="PythonJson.Md5Hex(JsonElement)"/>) and its <see cref="Of"/>, from one
    /// serialisation: the identity's parts are the same members serialised the same way, so their bytes are taken from
    /// the whole request's instead of being written again.
    /// </summary>
    public static (string Hash, string Identity) HashAndIdentity(JsonElement request)
    {
        if (request.ValueKind != JsonValueKind.Object || HasInputRole(request))
        {
            return (PythonJson.Md5Hex(request), Of(request));
        }

        using var whole = new PooledBuffer<byte>(8192);
        var recorded = new (int Start, int End)[PartNames.Length];
        PythonJsonUtf8Writer.Write(request, whole, PartNames, recorded);
        var written = whole.WrittenSpan;

        // The identity object as PythonJsonUtf8Writer.WriteObject writes OfParts' (plain names, ", " and ": " between).
        using var identity = new PooledBuffer<byte>(whole.Length + 64);
        identity.Write((byte)'{');
        var parts = new (byte[] Name, JsonElement Value)[PartNames.Length];
        var count = Parts(request, parts);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                identity.Write(", "u8);
            }

            identity.Write((byte)'"');
            identity.Write(parts[i].Name);
            identity.Write("\": "u8);
            var (start, end) = recorded[Array.IndexOf(PartNames, parts[i].Name)];
            identity.Write(written[start..end]);
        }

        identity.Write((byte)'}');
        return (PythonJson.Md5Hex(whole), PythonJson.Md5Hex(identity));
    }

    /// <summary>
    /// The identity hashed from the request's own parts, in the code-point order of their names (messages, stream,
    /// tool_choice, tools) with nothing rewritten: what the identity object above serialises to, without writing and
    /// parsing it.
    /// </summary>
    private static string OfParts(JsonElement request)
    {
        var parts = new (byte[] Name, JsonElement Value)[PartNames.Length];
        return PythonJson.Md5Hex(parts.AsSpan(0, Parts(request, parts)));
    }

    /// <summary>
    /// Fills <paramref name="parts"/> with the identity's members of <paramref name="request"/>, in
    /// <see cref="PartNames"/>' order (messages and tools and tool_choice unless null, stream only when true); returns
    /// how many.
    /// </summary>
    private static int Parts(JsonElement request, Span<(byte[] Name, JsonElement Value)> parts)
    {
        var count = 0;
        if (request.TryGetProperty("messages", out var messages) && messages.ValueKind != JsonValueKind.Null)
        {
            parts[count++] = (MessagesName, messages);
        }

        if (request.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True)
        {
            parts[count++] = (StreamName, stream);
        }

        if (request.TryGetProperty("tool_choice", out var toolChoice) && toolChoice.ValueKind != JsonValueKind.Null)
        {
            parts[count++] = (ToolChoiceName, toolChoice);
        }

        if (request.TryGetProperty("tools", out var tools) && tools.ValueKind != JsonValueKind.Null)
        {
            parts[count++] = (ToolsName, tools);
        }

        return count;
    }

    private static bool HasInputRole(JsonElement request)
    {
        if (!request.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("role", out var role) && role.ValueEquals("_input"))
            {
                return true;
            }
        }

        return false;
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
