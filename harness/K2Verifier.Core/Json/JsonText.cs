using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace K2Verifier.Json;

/// <summary>Shared System.Text.Json settings: compact output that keeps non-ASCII text readable, like K2VV's files.</summary>
public static class JsonText
{
    /// <summary>Writer options for results and summaries: UTF-8 text unescaped (HTML-unsafe characters are not an issue in JSONL).</summary>
    public static JsonWriterOptions CompactWriter { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Indented writer options for summary files.</summary>
    public static JsonWriterOptions IndentedWriter { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>Serializer options matching <see cref="CompactWriter"/>.</summary>
    public static JsonSerializerOptions Compact { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The nesting limit for reading responses and journal rows (System.Text.Json's default of 64 would make a row
    /// whose arguments object is nested 80 deep unreadable; Python accepts about 1,000 levels).
    /// </summary>
    public const int MaxReadDepth = 4096;

    /// <summary>Document options with <see cref="MaxReadDepth"/>.</summary>
    public static JsonDocumentOptions DeepDocument { get; } = new() { MaxDepth = MaxReadDepth };

    /// <summary>Reader options with <see cref="MaxReadDepth"/>.</summary>
    public static JsonReaderOptions DeepReader { get; } = new() { MaxDepth = MaxReadDepth };

    /// <summary>Compact JSON text of a node with readable non-ASCII text.</summary>
    public static string Serialize(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";

    /// <summary>A JSON string element holding <paramref name="value"/> (as a schema sees a property name).</summary>
    public static JsonElement StringElement(string value) => JsonElement.Parse(Quote(value));

    /// <summary>
    /// <paramref name="value"/> as a JSON string literal, quotes included, escaped as <c>JsonSerializer.Serialize</c>
    /// escapes a string by default (non-ASCII and HTML-sensitive characters as <c>\uXXXX</c>), or, with
    /// <paramref name="readable"/>, as <see cref="CompactWriter"/> writes it (UTF-8 text left as it is).
    /// </summary>
    public static string Quote(string value, bool readable = false) =>
        Text(writer => writer.WriteStringValue(value), readable ? CompactWriter : default);

    /// <summary><paramref name="value"/> as <c>JsonSerializer.Serialize</c> writes a double (shortest round-trip form).</summary>
    public static string Number(double value) => Text(writer => writer.WriteNumberValue(value), default);

    private static string Text(Action<Utf8JsonWriter> write, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
