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

    /// <summary>Compact JSON text of a node with readable non-ASCII text.</summary>
    public static string Serialize(JsonNode? node) => node?.ToJsonString(Compact) ?? "null";
}
