using System.Text.Json;
using System.Text.Json.Nodes;

namespace K2Verifier.Suites.Schema;

/// <summary>
/// Finds schemas no instance can satisfy because a required top-level property's <c>enum</c> has no value of its
/// declared <c>type</c> (in the BFCL set: an array typed property with string enum values, an integer with
/// <c>"1"</c>…<c>"9"</c>). A constrained decoder cannot produce a valid call for them, so their probes are informational.
/// </summary>
public static class SchemaSatisfiability
{
    /// <summary>Why <paramref name="schema"/> is unsatisfiable, or null when this check finds nothing.</summary>
    public static string? Problem(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema["properties"] is not JsonObject properties || schema["required"] is not JsonArray required)
        {
            return null;
        }

        foreach (var name in required.Select(r => r?.ToString()).OfType<string>())
        {
            if (properties[name] is JsonObject property && property["enum"] is JsonArray values && property["type"] is JsonValue type
                && type.TryGetValue<string>(out var declared) && values.Count > 0 && !values.Any(v => Matches(v, declared)))
            {
                return $"required property \"{name}\" has type {declared} but no enum value of that type";
            }
        }

        return null;
    }

    private static bool Matches(JsonNode? value, string type) => (value?.GetValueKind() ?? JsonValueKind.Null, type) switch
    {
        (JsonValueKind.String, "string") => true,
        (JsonValueKind.Number, "number") => true,
        (JsonValueKind.Number, "integer") => value!.GetValue<double>() % 1 == 0,
        (JsonValueKind.True or JsonValueKind.False, "boolean") => true,
        (JsonValueKind.Array, "array") => true,
        (JsonValueKind.Object, "object") => true,
        (JsonValueKind.Null, "null") => true,
        _ => false,
    };
}
