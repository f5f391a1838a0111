using System.Text.Json.Nodes;

namespace K2Verifier.Suites.Schema;

/// <summary>
/// The kinds of schema construct a constrained decoder can get wrong, found anywhere in a schema: the summary counts
/// statuses per feature, so a team sees which kinds of schema its decoder breaks.
/// </summary>
public static class SchemaFeatures
{
    /// <summary>Every feature name, in report order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "enum", "const", "nested_object", "array", "array_of_objects", "any_of", "one_of", "all_of", "ref", "pattern",
        "pattern_properties", "numeric_bounds", "string_length", "array_length", "format", "additional_properties_false",
        "required", "nullable_type", "flat",
    ];

    /// <summary>The features of <paramref name="schema"/> (<c>flat</c> when it has none of the others but <c>required</c>).</summary>
    public static IReadOnlyList<string> Of(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var found = new HashSet<string>(StringComparer.Ordinal);
        Walk(schema, 0, found);
        if (found.All(f => f == "required"))
        {
            found.Add("flat");
        }

        return [.. All.Where(found.Contains)];
    }

    private static void Walk(JsonNode? node, int depth, HashSet<string> found)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item, depth, found);
                }

                return;
            case not JsonObject:
                return;
        }

        var schema = (JsonObject)node;
        foreach (var (key, value) in schema)
        {
            Note(key, value, schema, depth, found);
            if (key is "properties" or "patternProperties" or "$defs" or "definitions" or "dependentSchemas" && value is JsonObject map)
            {
                foreach (var (_, child) in map)
                {
                    Walk(child, depth + 1, found);
                }
            }
            else if (key is "items" or "additionalProperties" or "anyOf" or "oneOf" or "allOf" or "not" or "prefixItems" or "contains" or "if" or "then" or "else")
            {
                Walk(value, depth + 1, found);
            }
        }
    }

    private static void Note(string key, JsonNode? value, JsonObject schema, int depth, HashSet<string> found)
    {
        var feature = key switch
        {
            "enum" => "enum",
            "const" => "const",
            "anyOf" => "any_of",
            "oneOf" => "one_of",
            "allOf" => "all_of",
            "$ref" => "ref",
            "pattern" => "pattern",
            "patternProperties" => "pattern_properties",
            "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf" => "numeric_bounds",
            "minLength" or "maxLength" => "string_length",
            "minItems" or "maxItems" or "uniqueItems" => "array_length",
            "format" => "format",
            "required" when value is JsonArray { Count: > 0 } => "required",
            "additionalProperties" when value is JsonValue v && v.TryGetValue<bool>(out var allowed) && !allowed => "additional_properties_false",
            "properties" when depth > 0 => "nested_object",
            "items" => schema["items"] is JsonObject items && (items["type"]?.ToString() == "object" || items["properties"] is not null) ? "array_of_objects" : "array",
            "type" when value is JsonArray types && types.Any(t => t?.ToString() == "null") => "nullable_type",
            _ => null,
        };
        if (feature is not null)
        {
            found.Add(feature);
        }

        if (feature == "array_of_objects")
        {
            found.Add("array");
        }
    }
}
