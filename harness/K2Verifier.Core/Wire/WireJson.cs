using System.Text.Json;
using System.Text.Json.Serialization;
using K2Verifier.Json;

namespace K2Verifier.Wire;

/// <summary>Writes and reads a row's <c>wire_findings</c> array and <c>stream</c> facts object (snake_case, nulls left out).</summary>
public static class WireJson
{
    private static readonly WireJsonContext Context = new(new JsonSerializerOptions(JsonText.Compact)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    /// <summary>Writes <c>"wire_findings": […]</c>.</summary>
    public static void WriteFindings(Utf8JsonWriter writer, IReadOnlyList<WireFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName("wire_findings");
        JsonSerializer.Serialize(writer, findings, Context.IReadOnlyListWireFinding);
    }

    /// <summary>Writes <c>"stream": {…}</c>.</summary>
    public static void WriteStream(Utf8JsonWriter writer, StreamFacts facts)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName("stream");
        JsonSerializer.Serialize(writer, facts, Context.StreamFacts);
    }

    /// <summary>The row's <c>wire_findings</c> (empty when absent).</summary>
    public static IReadOnlyList<WireFinding> ReadFindings(JsonElement row) =>
        row.TryGetProperty("wire_findings", out var value) && value.ValueKind == JsonValueKind.Array
            ? value.Deserialize(Context.ListWireFinding) ?? []
            : [];

    /// <summary>The row's <c>stream</c> facts (null when absent: a non-stream row, or a journal written before them).</summary>
    public static StreamFacts? ReadStream(JsonElement row) =>
        row.TryGetProperty("stream", out var value) && value.ValueKind == JsonValueKind.Object ? value.Deserialize(Context.StreamFacts) : null;

    /// <summary>A finding list as JSON text (for tests and reports).</summary>
    public static string ToJson(IReadOnlyList<WireFinding> findings) => JsonSerializer.Serialize(findings, Context.IReadOnlyListWireFinding);
}
