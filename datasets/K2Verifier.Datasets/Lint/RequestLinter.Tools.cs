using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using K2Verifier.Validation;

namespace K2Verifier.Datasets.Lint;

/// <summary>Tool declarations and <c>tool_choice</c>.</summary>
internal sealed partial class RequestLinter
{
    private HashSet<string> LintTools(JsonObject body)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        if (body["tools"] is not JsonArray tools)
        {
            return declared;
        }

        if (tools.Count > 0)
        {
            _report.WithTools++;
        }

        for (var t = 0; t < tools.Count; t++)
        {
            var path = $"$.tools[{t}]";
            var tool = (JsonObject)tools[t]!;
            var function = (JsonObject)tool["function"]!;
            var name = function["name"]!.GetValue<string>();
            _report.ToolDeclarations++;
            if (tool["type"] is not JsonValue type || type.GetValueKind() != JsonValueKind.String || type.GetValue<string>() != "function")
            {
                Error($"{path}.type: expected \"function\"");
            }

            if (!declared.Add(name))
            {
                Error($"{path}.function.name: '{name}' is declared twice");
            }

            if (!OpenAiName().IsMatch(name))
            {
                Warning($"{path}.function.name: '{name}' does not match ^[a-zA-Z0-9_-]{{1,64}}$ (OpenAI rejects it)");
            }

            if (function["parameters"] is JsonObject parameters)
            {
                LintSchema(parameters, $"{path}.function.parameters");
            }
        }

        return declared;
    }

    private void LintSchema(JsonObject parameters, string path)
    {
        using var document = JsonDocument.Parse(parameters.ToJsonString());
        var compiled = JsonSchemaValidator.Default.Compile(document.RootElement);
        if (!compiled.IsSchemaValid)
        {
            var first = compiled.SchemaErrors.Count > 0 ? compiled.SchemaErrors[0] : null;
            var where = string.IsNullOrEmpty(first?.InstanceLocation) ? string.Empty : $" at {first.InstanceLocation}";
            Error($"{path}: not a valid JSON Schema{where}: {first?.Message ?? "rejected by its metaschema"}");
        }
    }

    private void LintToolChoice(JsonObject body, HashSet<string> declared)
    {
        if (!body.TryGetPropertyValue("tool_choice", out var choice) || choice is null)
        {
            _report.CountToolChoice("absent");
            return;
        }

        if (choice.GetValueKind() == JsonValueKind.String && choice.GetValue<string>() is var mode && mode is "auto" or "none" or "required")
        {
            _report.CountToolChoice(mode);
            if (mode == "required" && declared.Count == 0)
            {
                Error("$.tool_choice: \"required\" but no tools are declared");
            }

            return;
        }

        if (choice is JsonObject named && named["function"]?["name"] is JsonValue nameNode && nameNode.GetValueKind() == JsonValueKind.String)
        {
            _report.CountToolChoice("function");
            var name = nameNode.GetValue<string>();
            if (!declared.Contains(name))
            {
                Error($"$.tool_choice.function.name: '{name}' is not a declared tool");
            }

            return;
        }

        _report.CountToolChoice("invalid");
        Error("$.tool_choice: expected \"auto\", \"none\", \"required\" or {\"type\": \"function\", \"function\": {\"name\": …}}");
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex OpenAiName();
}
