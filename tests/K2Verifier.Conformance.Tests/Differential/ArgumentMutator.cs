using System.Text.Json;
using System.Text.Json.Nodes;

namespace K2Verifier.Conformance.Tests.Differential;

/// <summary>Deterministic mutations of valid tool-call arguments, aimed at each keyword a tool schema uses.</summary>
internal sealed class ArgumentMutator
{
    private static readonly string[] Literals =
    [
        "1.0", "1e20", "1e400", "-1", "0", "0.5", "2.0", "12345678901234567890123", "-0.0", "1E2", "0.1", "3.14",
        "true", "false", "null", "\"\"", "\"x\"", "\"😀\"", "\"a😀b\"", "[]", "{}", "[1, 2]", "[1, 1.0]", "{\"k\": 1}",
        "\"2024-13-45\"", "\"\\u00e9\"", "\"A\\u0301\"", "99999999999", "1.5e-7",
    ];

    private readonly Random _random;

    public ArgumentMutator(int seed) => _random = new Random(seed);

    public JsonNode Mutate(JsonElement arguments, JsonElement schema)
    {
        var root = JsonNode.Parse(arguments.GetRawText())!;
        var kind = _random.Next(10);
        switch (kind)
        {
            case 0:
                DropProperty(root, schema);
                break;
            case 1:
                if (root is JsonObject added)
                {
                    added["unexpected_" + _random.Next(100)] = Literal();
                }

                break;
            case 2:
                BreakEnum(root, schema);
                break;
            case 3:
                BreakBounds(root, schema);
                break;
            case 4:
                AsFloat(root);
                break;
            default:
                ReplaceRandom(root, depthBias: kind);
                break;
        }

        return root;
    }

    private JsonNode Literal() => JsonNode.Parse(Literals[_random.Next(Literals.Length)])!;

    private void DropProperty(JsonNode root, JsonElement schema)
    {
        if (root is not JsonObject obj || obj.Count == 0)
        {
            return;
        }

        var names = schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array && _random.Next(3) > 0
            ? required.EnumerateArray().Select(r => r.GetString()!).Where(obj.ContainsKey).ToList()
            : obj.Select(p => p.Key).ToList();
        if (names.Count > 0)
        {
            obj.Remove(names[_random.Next(names.Count)]);
        }
    }

    private void BreakEnum(JsonNode root, JsonElement schema)
    {
        foreach (var (name, property) in Properties(root, schema))
        {
            if (property.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
            {
                var value = values[_random.Next(values.GetArrayLength())];
                ((JsonObject)root)[name] = value.ValueKind == JsonValueKind.String
                    ? JsonValue.Create(_random.Next(2) == 0 ? value.GetString() + "x" : value.GetString()!.ToUpperInvariant())
                    : Literal();
                return;
            }
        }

        ReplaceRandom(root, 0);
    }

    private void BreakBounds(JsonNode root, JsonElement schema)
    {
        foreach (var (name, property) in Properties(root, schema))
        {
            foreach (var bound in (string[])["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "minLength", "maxLength"])
            {
                if (property.TryGetProperty(bound, out var limit) && limit.ValueKind == JsonValueKind.Number)
                {
                    var offset = bound.StartsWith("min", StringComparison.Ordinal) || bound == "exclusiveMinimum" ? -_random.Next(0, 2) : _random.Next(0, 2);
                    var edge = limit.GetDouble() + offset;
                    ((JsonObject)root)[name] = bound.EndsWith("Length", StringComparison.Ordinal)
                        ? JsonValue.Create(new string('a', Math.Max(0, (int)edge)) + (_random.Next(2) == 0 ? "😀" : string.Empty))
                        : bound.EndsWith("Items", StringComparison.Ordinal)
                            ? new JsonArray([.. Enumerable.Range(0, Math.Max(0, (int)edge)).Select(i => (JsonNode?)JsonValue.Create(i))])
                            : JsonNode.Parse(_random.Next(2) == 0 ? edge.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : edge.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
                    return;
                }
            }
        }

        ReplaceRandom(root, 0);
    }

    private void AsFloat(JsonNode root)
    {
        var numbers = Descendants(root).Where(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.Number).ToList();
        if (numbers.Count == 0)
        {
            ReplaceRandom(root, 0);
            return;
        }

        var target = numbers[_random.Next(numbers.Count)];
        var text = target.ToJsonString();
        Replace(target, JsonNode.Parse(text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.OrdinalIgnoreCase) ? text + "1" : text + ".0")!);
    }

    private void ReplaceRandom(JsonNode root, int depthBias)
    {
        var candidates = Descendants(root).Where(n => n.Parent is not null).ToList();
        if (candidates.Count == 0)
        {
            if (root is JsonObject obj)
            {
                obj["x"] = Literal();
            }

            return;
        }

        var deep = depthBias % 2 == 0 ? candidates.Where(c => c.Parent!.Parent is not null).ToList() : candidates;
        var pool = deep.Count > 0 ? deep : candidates;
        Replace(pool[_random.Next(pool.Count)], Literal());
    }

    private static void Replace(JsonNode target, JsonNode replacement)
    {
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = replacement;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = replacement;
                break;
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.Where(c => c is not null).ToList())
        {
            foreach (var descendant in Descendants(child!))
            {
                yield return descendant;
            }
        }
    }

    private static IEnumerable<(string Name, JsonElement Schema)> Properties(JsonNode root, JsonElement schema)
    {
        if (root is not JsonObject obj || !schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in properties.EnumerateObject())
        {
            if (obj.ContainsKey(property.Name) && property.Value.ValueKind == JsonValueKind.Object)
            {
                yield return (property.Name, property.Value);
            }
        }
    }
}
