using System.Text.Json;
using System.Text.Json.Nodes;

namespace K2Verifier.Conformance.Tests.Differential;

/// <summary>Deterministic mutations of tool SCHEMAS: Python patterns (valid and not), draft-07, $defs/$ref, metaschema breakers.</summary>
internal sealed class SchemaMutator
{
    public static readonly string[] Patterns =
    [
        "^[a-z]+$", "\\d", "\\p{L}", "\\p{Letter}", "(?P<n>a)(?P=n)", "(?<n>a)", "[", "a{,3}", "\\Z", "^\\w+$", "\\Aabc", "(?i)ABC",
        "\\e", "\\x4", "\\u00e9", "[^a]", "^.$", "\\s", "(a)\\2", "a**", "a{3,2}", "\\z", "(?#comment)x", "\\b\\w", "[[:alpha:]]",
        "^[\\w.-]+@[\\w-]+\\.[a-z]{2,}$", "^\\d{4}-\\d{2}-\\d{2}$", "[a-", "(?P<1>x)", "\\k<n>", "a|*", "^(?!x)", "(?<=a)b", "\\G", "[\\w-]+",
        "^[^\\s]+$", ".*", "^$", "\\Q", "[\\p{L}]", "\\cA", "(?x) a b c", "\\0", "\\1", "^\\S+$", "\\$", "{", "a{2}", "x{,}", "\\/",
    ];

    private readonly Random _random;

    public SchemaMutator(int seed) => _random = new Random(seed);

    public JsonNode Mutate(JsonElement schema, JsonElement arguments)
    {
        var root = JsonNode.Parse(schema.GetRawText())!.AsObject();
        switch (_random.Next(8))
        {
            case 0 or 1:
                AddPattern(root, arguments);
                break;
            case 2:
                root["$schema"] = "http://json-schema.org/draft-07/schema#";
                if (_random.Next(2) == 0)
                {
                    AddPattern(root, arguments);
                }

                break;
            case 3:
                return Wrap(root, _random.Next(2) == 0);
            case 4:
                root["patternProperties"] = new JsonObject { [Pick()] = new JsonObject { ["type"] = "string" } };
                root["additionalProperties"] = _random.Next(2) == 0;
                break;
            case 5:
                root["propertyNames"] = new JsonObject { ["pattern"] = Pick() };
                break;
            case 6:
                Break(root);
                break;
            default:
                root["$ref"] = _random.Next(2) == 0 ? "#/$defs/missing" : "#/properties";
                break;
        }

        return root;
    }

    private string Pick() => Patterns[_random.Next(Patterns.Length)];

    private void AddPattern(JsonObject root, JsonElement arguments)
    {
        var properties = root["properties"] as JsonObject;
        var strings = arguments.ValueKind == JsonValueKind.Object
            ? arguments.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => p.Name).ToList()
            : [];
        if (properties is not null && strings.Count > 0 && properties[strings[0]] is JsonObject property)
        {
            property["pattern"] = Pick();
            return;
        }

        root["pattern"] = Pick();
        root["propertyNames"] = new JsonObject { ["pattern"] = Pick() };
    }

    private static JsonObject Wrap(JsonObject root, bool draft7)
    {
        var definitions = draft7 ? "definitions" : "$defs";
        var wrapper = new JsonObject
        {
            [definitions] = new JsonObject { ["params"] = root },
            ["$ref"] = $"#/{definitions}/params",
        };
        if (draft7)
        {
            wrapper["$schema"] = "http://json-schema.org/draft-07/schema#";
        }

        return wrapper;
    }

    private void Break(JsonObject root)
    {
        switch (_random.Next(6))
        {
            case 0:
                root["type"] = "dict";
                break;
            case 1:
                root["required"] = true;
                break;
            case 2:
                root["minLength"] = -1;
                break;
            case 3:
                root["properties"] = new JsonObject { ["a"] = 5 };
                break;
            case 4:
                root["items"] = new JsonArray(new JsonObject());
                break;
            default:
                root["enum"] = new JsonArray();
                break;
        }
    }
}
