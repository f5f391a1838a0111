using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace K2Verifier.Suites.Schema;

/// <summary>
/// The schemas the schema suite forces: every distinct tool <c>parameters</c> schema of K2VV-format datasets (the
/// built-in corpus: <c>datasets/k2v-4000</c> and the imported BFCL set), or a user's file with one schema per line
/// (a bare schema, or <c>{"name": …, "parameters": …}</c>). Distinct means a different schema text once keys are sorted.
/// </summary>
public static partial class SchemaCorpus
{
    /// <summary>The distinct schemas of the datasets' tools, in first-seen order.</summary>
    public static IReadOnlyList<SchemaEntry> FromDatasets(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var entries = new List<SchemaEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line) || TryParse(line) is not JsonObject request)
                {
                    continue;
                }

                foreach (var function in (request["tools"] as JsonArray ?? []).Select(t => t?["function"] as JsonObject).OfType<JsonObject>())
                {
                    if (function["parameters"] is JsonObject parameters && function["name"]?.ToString() is { } name)
                    {
                        Add(entries, seen, name, parameters, $"{path}:{number}");
                    }
                }
            }
        }

        return entries;
    }

    /// <summary>The schemas of a user's file, one per line.</summary>
    /// <exception cref="FormatException">A line is not a JSON object; the message names file and line.</exception>
    public static IReadOnlyList<SchemaEntry> FromFile(string path)
    {
        var entries = new List<SchemaEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (TryParse(line) is not JsonObject schema)
            {
                throw new FormatException($"{path}:{number}: a line must be one JSON Schema object (or {{\"name\": …, \"parameters\": {{…}}}})");
            }

            var wrapped = schema["parameters"] is JsonObject inner && schema["name"] is JsonValue;
            var name = wrapped ? schema["name"]!.ToString() : $"tool_{(entries.Count + 1).ToString(CultureInfo.InvariantCulture)}";
            Add(entries, seen, name, wrapped ? (JsonObject)schema["parameters"]! : schema, $"{path}:{number}");
        }

        return entries;
    }

    private static void Add(List<SchemaEntry> entries, HashSet<string> seen, string name, JsonObject parameters, string source)
    {
        if (!seen.Add(Canonical(parameters)))
        {
            return;
        }

        var id = $"schema-{(entries.Count + 1).ToString("D4", CultureInfo.InvariantCulture)}";
        var toolName = ToolName().IsMatch(name) ? name : $"tool_{entries.Count + 1}";
        entries.Add(new SchemaEntry(id, toolName, (JsonObject)parameters.DeepClone(), source));
    }

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => "\"" + JsonEncodedText.Encode(p.Key).Value + "\":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    private static JsonNode? TryParse(string line)
    {
        try
        {
            return JsonNode.Parse(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex ToolName();
}
