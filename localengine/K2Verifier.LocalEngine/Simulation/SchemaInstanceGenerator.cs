using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace K2Verifier.LocalEngine.Simulation;

/// <summary>
/// Writes a small valid instance of a JSON Schema: required properties only, the first enum or const value, numbers
/// inside their bounds, strings matching simple patterns and formats, arrays at their minimum length; follows local
/// <c>$ref</c>s, the first <c>oneOf</c>/<c>anyOf</c> branch and <c>allOf</c>. Bounded in depth. What the simulator's
/// policy model (standing in for an Enforcer-constrained model) writes as arguments.
/// </summary>
public static class SchemaInstanceGenerator
{
    private const int MaxDepth = 12;

    /// <summary>An instance of <paramref name="schema"/> (an empty object for a missing schema).</summary>
    public static JsonNode? Generate(JsonElement? schema) =>
        schema is { ValueKind: JsonValueKind.Object } root ? Instance(root, root, 0) : new JsonObject();

    private static JsonNode? Instance(JsonElement schema, JsonElement root, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > MaxDepth)
        {
            return null;
        }

        if (schema.TryGetProperty("$ref", out var reference) && Resolve(root, reference.GetString()) is { } target)
        {
            return Instance(target, root, depth + 1);
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            return JsonNode.Parse(constant.GetRawText());
        }

        if (schema.TryGetProperty("enum", out var options) && options.GetArrayLength() > 0)
        {
            return JsonNode.Parse(options[0].GetRawText());
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var branches) && branches.GetArrayLength() > 0 && !IsObjectSchema(schema))
            {
                return Instance(branches[0], root, depth + 1);
            }
        }

        if (schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() > 0 && !schema.TryGetProperty("type", out _))
        {
            return Instance(all[0], root, depth + 1);
        }

        return TypeOf(schema) switch
        {
            "object" => ObjectInstance(schema, root, depth),
            "array" => ArrayInstance(schema, root, depth),
            "string" => JsonValue.Create(StringInstance(schema)),
            "integer" => JsonValue.Create((long)NumberInstance(schema, integer: true)),
            "number" => JsonValue.Create(NumberInstance(schema, integer: false)),
            "boolean" => JsonValue.Create(true),
            "null" => null,
            _ => schema.TryGetProperty("properties", out _) ? ObjectInstance(schema, root, depth) : JsonValue.Create("x"),
        };
    }

    private static bool IsObjectSchema(JsonElement schema) =>
        schema.TryGetProperty("properties", out _) || (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "object");

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "null"
            : type.GetString();
    }

    private static JsonObject ObjectInstance(JsonElement schema, JsonElement root, int depth)
    {
        var result = new JsonObject();
        var properties = schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var names = schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array
            ? required.EnumerateArray().Select(r => r.GetString()!).ToList()
            : [];
        foreach (var keyword in new[] { "anyOf", "oneOf", "allOf" })
        {
            // Branches that only add "required" (e.g. anyOf [{required:[a]}, {required:[b]}]): satisfy the first.
            if (schema.TryGetProperty(keyword, out var branches) && branches.GetArrayLength() > 0
                && branches[0].TryGetProperty("required", out var more) && more.ValueKind == JsonValueKind.Array)
            {
                names.AddRange(more.EnumerateArray().Select(r => r.GetString()!).Where(n => !names.Contains(n)));
            }
        }

        var minProperties = schema.TryGetProperty("minProperties", out var min) ? min.GetInt32() : 0;
        if (properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (names.Count >= minProperties)
                {
                    break;
                }

                if (!names.Contains(property.Name))
                {
                    names.Add(property.Name);
                }
            }
        }

        foreach (var name in names)
        {
            var sub = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var s) ? s : default;
            result[name] = sub.ValueKind == JsonValueKind.Object ? Instance(sub, root, depth + 1) : JsonValue.Create("x");
        }

        var extra = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object ? additional : default;
        for (var n = 1; result.Count < minProperties; n++)
        {
            result["field" + n.ToString(CultureInfo.InvariantCulture)] = extra.ValueKind == JsonValueKind.Object ? Instance(extra, root, depth + 1) : JsonValue.Create("x");
        }

        return result;
    }

    private static JsonArray ArrayInstance(JsonElement schema, JsonElement root, int depth)
    {
        var result = new JsonArray();
        var count = schema.TryGetProperty("minItems", out var min) ? min.GetInt32() : 1;
        if (schema.TryGetProperty("prefixItems", out var prefix))
        {
            foreach (var item in prefix.EnumerateArray())
            {
                result.Add(Instance(item, root, depth + 1));
            }

            return result;
        }

        var items = schema.TryGetProperty("items", out var i) ? i : default;
        var unique = schema.TryGetProperty("uniqueItems", out var u) && u.ValueKind == JsonValueKind.True;
        for (var n = 0; n < count; n++)
        {
            var node = items.ValueKind == JsonValueKind.Object ? Instance(items, root, depth + 1) : JsonValue.Create("x");
            if (unique && node is JsonValue value && value.TryGetValue<string>(out var text))
            {
                node = JsonValue.Create(n == 0 ? text : text + n.ToString(CultureInfo.InvariantCulture));
            }
            else if (unique && node is JsonValue number && number.TryGetValue<long>(out var integer))
            {
                node = JsonValue.Create(integer + n);
            }

            result.Add(node);
        }

        return result;
    }

    private static string StringInstance(JsonElement schema)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var text = format switch
        {
            "date" => "2026-01-15",
            "date-time" => "2026-01-15T09:30:00Z",
            "email" => "alex@example.com",
            "uri" or "url" => "https://example.com/a",
            "time" => "09:30:00",
            _ => schema.TryGetProperty("pattern", out var pattern) ? PatternString.Generate(pattern.GetString() ?? string.Empty) : "example",
        };
        var minLength = schema.TryGetProperty("minLength", out var min) ? min.GetInt32() : 0;
        var maxLength = schema.TryGetProperty("maxLength", out var max) ? max.GetInt32() : int.MaxValue;
        if (text.Length < minLength)
        {
            text = text.PadRight(minLength, text.Length > 0 ? text[^1] : 'x');
        }

        return text.Length > maxLength ? text[..maxLength] : text;
    }

    private static double NumberInstance(JsonElement schema, bool integer)
    {
        double? lower = schema.TryGetProperty("minimum", out var min) ? min.GetDouble() : null;
        double? upper = schema.TryGetProperty("maximum", out var max) ? max.GetDouble() : null;
        if (schema.TryGetProperty("exclusiveMinimum", out var exMin) && exMin.ValueKind == JsonValueKind.Number)
        {
            lower = exMin.GetDouble() + (integer ? 1 : 0.5);
        }

        if (schema.TryGetProperty("exclusiveMaximum", out var exMax) && exMax.ValueKind == JsonValueKind.Number)
        {
            upper = exMax.GetDouble() - (integer ? 1 : 0.5);
        }

        var value = lower ?? Math.Min(upper ?? 1, 1);
        if (schema.TryGetProperty("multipleOf", out var multiple) && multiple.GetDouble() > 0)
        {
            var step = multiple.GetDouble();
            value = Math.Ceiling(value / step) * step;
        }

        return integer ? Math.Ceiling(value) : value;
    }

    private static JsonElement? Resolve(JsonElement root, string? pointer)
    {
        if (pointer is null || !pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            return pointer == "#" ? root : null;
        }

        var current = root;
        foreach (var segment in pointer[2..].Split('/'))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current;
    }
}
