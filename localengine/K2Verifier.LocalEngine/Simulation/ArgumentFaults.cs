using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Preparation;

namespace K2Verifier.LocalEngine.Simulation;

/// <summary>How the policy model's arguments go wrong: a required field lost, or a field's type changed.</summary>
internal static class ArgumentFaults
{
    /// <summary>Removes the first required property present (all properties when the schema requires none).</summary>
    public static void DropRequired(JsonObject arguments, ToolDeclaration? tool)
    {
        var required = Required(tool);
        var victim = required.FirstOrDefault(arguments.ContainsKey);
        if (victim is not null)
        {
            arguments.Remove(victim);
        }
        else
        {
            arguments.Clear();
        }
    }

    /// <summary>Drops a required field (<paramref name="dropField"/>) or changes the first field's JSON type.</summary>
    public static void Drift(JsonObject arguments, ToolDeclaration? tool, bool dropField)
    {
        if (dropField || arguments.Count == 0)
        {
            DropRequired(arguments, tool);
            return;
        }

        var (name, value) = arguments.First();
        arguments[name] = value?.GetValueKind() switch
        {
            JsonValueKind.String => JsonValue.Create(42),
            JsonValueKind.Number => JsonValue.Create(value.ToJsonString()),
            JsonValueKind.True or JsonValueKind.False => JsonValue.Create("yes"),
            JsonValueKind.Array => JsonValue.Create("[]"),
            _ => JsonValue.Create(0),
        };
    }

    private static List<string> Required(ToolDeclaration? tool) =>
        tool?.Parameters is { ValueKind: JsonValueKind.Object } schema
        && schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array
            ? [.. required.EnumerateArray().Select(r => r.GetString() ?? string.Empty)]
            : [];
}
