using System.Globalization;
using System.Text.Json.Nodes;
using K2Verifier.OrtGenAI.Guidance;

namespace K2Verifier.OrtGenAI.Serving;

/// <summary>
/// The most tokens one constrained tool call can take under given grammar bounds, counted pessimistically as one
/// token per byte (a byte-level tokenizer can spell every byte alone) and six bytes per string character (a
/// <c>\uXXXX</c> escape). Schemas it cannot bound (patterns, formats, <c>$ref</c>) count 64 bytes.
/// </summary>
public static class ToolCallSizeEstimate
{
    /// <summary>Bytes for the wrapper and the <c>name</c>/<c>arguments</c> keys of one call, whatever the format.</summary>
    public const int CallOverhead = 64;

    private const int Unbounded = 64;
    private const int BytesPerCharacter = 6;

    /// <summary>The worst case, in tokens, over <paramref name="tools"/> (the largest single call).</summary>
    public static int WorstCaseTokens(IReadOnlyList<ToolDefinition> tools, ToolCallGrammarOptions options)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(options);
        return tools.Count == 0 ? 0 : tools.Max(t => CallOverhead + t.Name.Length + Value(t.Parameters ?? [], options, 0));
    }

    private static int Value(JsonNode? schema, ToolCallGrammarOptions options, int depth)
    {
        if (schema is not JsonObject obj || depth > 8)
        {
            return Unbounded;
        }

        if (obj["enum"] is JsonArray values)
        {
            return values.Count == 0 ? 4 : values.Max(v => v?.ToJsonString().Length ?? 4);
        }

        if (obj.TryGetPropertyValue("const", out var constant))
        {
            return constant?.ToJsonString().Length ?? 4;
        }

        foreach (var key in new[] { "anyOf", "oneOf" })
        {
            if (obj[key] is JsonArray alternatives && alternatives.Count > 0)
            {
                return alternatives.Max(a => Value(a, options, depth + 1));
            }
        }

        var type = obj["type"] switch
        {
            JsonValue v => v.ToString(),
            JsonArray { Count: > 0 } a => a[0]?.ToString(),
            _ => obj.ContainsKey("properties") ? "object" : obj.ContainsKey("items") ? "array" : "string",
        };
        return type switch
        {
            "string" when obj.ContainsKey("pattern") || obj.ContainsKey("format") => Unbounded,
            "string" => 2 + (BytesPerCharacter * (Integer(obj["maxLength"]) ?? options.MaxStringLength)),
            "integer" or "number" => 1 + Math.Max(Digits(obj["minimum"]), Digits(obj["maximum"]) is var d && d > 0 ? d : options.MaxNumberDigits),
            "boolean" => 5,
            "null" => 4,
            "array" => 2 + ((Integer(obj["maxItems"]) ?? options.MaxArrayItems) * (Value(obj["items"], options, depth + 1) + 2)),
            "object" => 2 + (obj["properties"] as JsonObject ?? []).Sum(p => p.Key.Length + 6 + Value(p.Value, options, depth + 1)),
            _ => Unbounded,
        };
    }

    private static int? Integer(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? (int)Math.Min(d, 100_000) : null;

    private static int Digits(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<double>(out var d) ? Math.Abs(Math.Truncate(d)).ToString(CultureInfo.InvariantCulture).Length : 0;
}
