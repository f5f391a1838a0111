using System.Text.Json.Nodes;

namespace K2Verifier.Datasets.Importers;

/// <summary>One BFCL entry → one request body and one expectation row.</summary>
internal static class BfclEntryConverter
{
    public static (JsonObject Body, OrderedDictionary<string, string> NameMap) ToRequest(JsonObject entry)
    {
        var nameMap = new OrderedDictionary<string, string>(StringComparer.Ordinal);
        var messages = new JsonArray();
        if (entry["question"] is JsonArray { Count: > 0 } turns && turns[0] is JsonArray first)
        {
            foreach (var message in first.OfType<JsonObject>())
            {
                messages.Add((JsonNode)new JsonObject { ["role"] = message["role"]?.DeepClone(), ["content"] = message["content"]?.DeepClone() });
            }
        }

        var body = new JsonObject { ["messages"] = messages };
        if (entry["function"] is JsonArray { Count: > 0 } functions)
        {
            var tools = new JsonArray();
            foreach (var function in functions.OfType<JsonObject>())
            {
                var name = function["name"]!.GetValue<string>();
                var legal = LegalName(name);
                if (legal != name)
                {
                    nameMap[legal] = name;
                }

                var declared = new JsonObject { ["name"] = legal, ["description"] = function["description"]?.DeepClone() };
                if (function["parameters"] is JsonObject parameters)
                {
                    declared["parameters"] = BfclSchemaConverter.Convert(parameters);
                }

                tools.Add((JsonNode)new JsonObject { ["type"] = "function", ["function"] = declared });
            }

            body["tools"] = tools;
        }

        body["temperature"] = 0.6;
        body["max_tokens"] = 4096;
        return (body, nameMap);
    }

    public static JsonObject ToExpectation(int dataIndex, string category, JsonObject entry, OrderedDictionary<string, string> nameMap, Dictionary<string, JsonArray> answers)
    {
        var id = entry["id"]!.GetValue<string>();
        var irrelevance = category.EndsWith("irrelevance", StringComparison.Ordinal);
        var row = new JsonObject
        {
            ["data_index"] = dataIndex,
            ["category"] = category,
            ["id"] = id,
            ["expected_finish_reason"] = irrelevance ? "stop" : "tool_calls",
        };
        if (irrelevance)
        {
            row["expected_calls"] = new JsonArray();
        }
        else if (answers.TryGetValue(id, out var truth))
        {
            row["expected_calls"] = new JsonArray([.. truth.OfType<JsonObject>().SelectMany(call => call.Select(p => (JsonNode)LegalName(p.Key)))]);
        }

        if (nameMap.Count > 0)
        {
            row["name_map"] = new JsonObject([.. nameMap.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]);
        }

        return row;
    }

    /// <summary>OpenAI-legal function name: BFCL's dotted names with <c>.</c> → <c>_</c>.</summary>
    public static string LegalName(string name) => name.Replace('.', '_');
}
