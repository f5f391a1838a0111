using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Json;

namespace K2Verifier.Preparation;

/// <summary>
/// Writes K2VV's prepared request in one pass over the dataset line: <c>_input</c> roles become <c>system</c>, the
/// overridden keys are replaced where they stand and appended when absent (as assigning them on a dict would), and
/// streams get <c>stream_options.include_usage = true</c>. Everything else is copied as it is.
/// </summary>
internal static class PreparedRequestWriter
{
    public static byte[] Write(JsonElement body, PreparationOptions options)
    {
        // A pooled buffer: only the finished request is allocated (a request line is a few KB; the writer's growth was
        // a copy per doubling, all garbage).
        using var buffer = new PooledBuffer<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, JsonText.CompactWriter))
        {
            var stream = body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            bool model = false, temperature = false, maxTokens = false, streamOptions = false;
            writer.WriteStartObject();
            foreach (var property in body.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "messages" when property.Value.ValueKind == JsonValueKind.Array:
                        writer.WritePropertyName(property.Name);
                        WriteMessages(writer, property.Value);
                        break;
                    case "model" when !string.IsNullOrEmpty(options.Model):
                        WriteModel(writer, options.Model);
                        model = true;
                        break;
                    case "temperature" when options.Temperature is not null:
                        WriteTemperature(writer, options.Temperature.Value);
                        temperature = true;
                        break;
                    case "max_tokens" when options.MaxTokens is not null:
                        writer.WriteNumber("max_tokens", options.MaxTokens.Value);
                        maxTokens = true;
                        break;
                    case "stream_options" when stream:
                        WriteStreamOptions(writer, property.Value);
                        streamOptions = true;
                        break;
                    default:
                        property.WriteTo(writer);
                        break;
                }
            }

            if (!model && !string.IsNullOrEmpty(options.Model))
            {
                WriteModel(writer, options.Model);
            }

            if (!temperature && options.Temperature is { } t)
            {
                WriteTemperature(writer, t);
            }

            if (!maxTokens && options.MaxTokens is { } m)
            {
                writer.WriteNumber("max_tokens", m);
            }

            if (stream && !streamOptions)
            {
                WriteStreamOptions(writer, default);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The prepared request with <paramref name="extra"/>'s keys merged on top (replaced in place, new ones appended).</summary>
    public static byte[] Merge(JsonElement prepared, JsonObject extra)
    {
        using var buffer = new PooledBuffer<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, JsonText.CompactWriter))
        {
            writer.WriteStartObject();
            foreach (var property in prepared.EnumerateObject())
            {
                if (extra.TryGetPropertyValue(property.Name, out var value))
                {
                    writer.WritePropertyName(property.Name);
                    WriteNode(writer, value);
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            foreach (var (key, value) in extra)
            {
                if (!prepared.TryGetProperty(key, out _))
                {
                    writer.WritePropertyName(key);
                    WriteNode(writer, value);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteMessages(Utf8JsonWriter writer, JsonElement messages)
    {
        writer.WriteStartArray();
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("role", out var role) && role.ValueEquals("_input"u8))
            {
                writer.WriteStartObject();
                foreach (var property in message.EnumerateObject())
                {
                    if (property.NameEquals("role"u8))
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
            else
            {
                message.WriteTo(writer);
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteModel(Utf8JsonWriter writer, string model) => writer.WriteString("model", model);

    // argparse gives K2VV a float: 1 is sent and hashed as 1.0.
    private static void WriteTemperature(Utf8JsonWriter writer, double temperature)
    {
        writer.WritePropertyName("temperature");
        writer.WriteRawValue(PythonFloat.Repr(temperature));
    }

    private static void WriteStreamOptions(Utf8JsonWriter writer, JsonElement existing)
    {
        writer.WriteStartObject("stream_options");
        var replaced = false;
        if (existing.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in existing.EnumerateObject())
            {
                if (property.NameEquals("include_usage"u8))
                {
                    writer.WriteBoolean("include_usage", true);
                    replaced = true;
                }
                else
                {
                    property.WriteTo(writer);
                }
            }
        }

        if (!replaced)
        {
            writer.WriteBoolean("include_usage", true);
        }

        writer.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }
}
