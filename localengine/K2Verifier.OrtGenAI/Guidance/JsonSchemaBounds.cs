using System.Text.Json.Nodes;

namespace K2Verifier.OrtGenAI.Guidance;

/// <summary>
/// Rewrites a JSON Schema so that every instance llguidance can generate from it is finite and small: strings get a
/// <c>maxLength</c>, numbers a digit bound, arrays a <c>maxItems</c>, objects <c>additionalProperties: false</c>
/// unless they say otherwise. Every instance of the bounded schema is an instance of the original.
/// </summary>
internal static class JsonSchemaBounds
{
    private static readonly string[] SchemaListKeywords = ["anyOf", "oneOf", "allOf", "prefixItems"];

    public static JsonObject Apply(JsonObject? schema, ToolCallGrammarOptions options)
    {
        var bounded = schema?.DeepClone() as JsonObject ?? [];
        if (bounded.Count == 0)
        {
            bounded["type"] = "object";
        }

        Bound(bounded, options);
        return bounded;
    }

    private static readonly string[] Composite = ["enum", "const", "anyOf", "oneOf", "allOf", "$ref", "not", "if"];

    private static void Bound(JsonObject schema, ToolCallGrammarOptions options)
    {
        if (!schema.ContainsKey("type") && !Composite.Any(schema.ContainsKey))
        {
            // An untyped schema accepts any JSON value, so an unbounded one; a bounded subset of it is still valid.
            schema["type"] = schema.ContainsKey("properties") ? "object" : schema.ContainsKey("items") ? "array" : "string";
        }

        var types = schema["type"] switch
        {
            JsonValue v => [v.ToString()],
            JsonArray a => a.Select(t => t?.ToString() ?? string.Empty).ToArray(),
            _ => Array.Empty<string>(),
        };
        var constrained = schema.ContainsKey("enum") || schema.ContainsKey("const");
        if (types.Contains("string") && !constrained && !schema.ContainsKey("maxLength") && !schema.ContainsKey("pattern") && !schema.ContainsKey("format"))
        {
            schema["maxLength"] = options.MaxStringLength;
        }

        if ((types.Contains("number") || types.Contains("integer")) && !constrained)
        {
            var limit = Math.Pow(10, options.MaxNumberDigits) - 1;
            schema["type"] = types.Length == 1 ? "integer" : new JsonArray([.. types.Select(t => (JsonNode?)JsonValue.Create(t == "number" ? "integer" : t)).DistinctBy(t => t!.ToString())]);
            schema["minimum"] = Math.Max(Number(schema["minimum"]) ?? -limit, -limit);
            schema["maximum"] = Math.Min(Number(schema["maximum"]) ?? limit, limit);
            schema.Remove("exclusiveMinimum");
            schema.Remove("exclusiveMaximum");
        }

        if (types.Contains("array") && !schema.ContainsKey("maxItems"))
        {
            schema["maxItems"] = options.MaxArrayItems;
        }

        if ((types.Contains("object") || schema.ContainsKey("properties")) && !schema.ContainsKey("additionalProperties"))
        {
            schema["additionalProperties"] = false;
        }

        foreach (var child in Children(schema))
        {
            Bound(child, options);
        }
    }

    private static IEnumerable<JsonObject> Children(JsonObject schema)
    {
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (_, value) in properties)
            {
                if (value is JsonObject property)
                {
                    yield return property;
                }
            }
        }

        foreach (var key in new[] { "items", "additionalProperties", "not" })
        {
            if (schema[key] is JsonObject child)
            {
                yield return child;
            }
        }

        foreach (var key in SchemaListKeywords)
        {
            foreach (var child in (schema[key] as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return child;
            }
        }
    }

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
}
