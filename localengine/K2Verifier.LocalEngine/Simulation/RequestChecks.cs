using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using K2Verifier.Json;

namespace K2Verifier.LocalEngine.Simulation;

/// <summary>
/// The request validation an OpenAI-compatible server does before rendering: sampling values in range, a positive
/// token budget, a valid <c>tool_choice</c> naming a declared tool, a boolean <c>response_format.json_schema.strict</c>,
/// valid tool names. The simulator answers a failed check with a 400 and an OpenAI-style error body.
/// </summary>
public static partial class RequestChecks
{
    /// <summary>Why <paramref name="body"/> must be refused (the parameter and a message), or null when it is valid.</summary>
    public static (string Param, string Message)? Find(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Range(body, "temperature", 0, 2, minExclusive: false)
            ?? Range(body, "top_p", 0, 1, minExclusive: true)
            ?? Range(body, "presence_penalty", -2, 2, minExclusive: false)
            ?? Range(body, "frequency_penalty", -2, 2, minExclusive: false)
            ?? PositiveInteger(body, "n")
            ?? PositiveInteger(body, "max_tokens")
            ?? PositiveInteger(body, "max_completion_tokens")
            ?? Tools(body)
            ?? ToolChoice(body)
            ?? ResponseFormat(body);
    }

    /// <summary>The 400 body for a failed check, shaped like OpenAI's.</summary>
    public static string ErrorBody(string param, string message) => new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = param, ["code"] = null },
    }.ToJsonString();

    private static (string, string)? Range(JsonObject body, string name, double min, double max, bool minExclusive)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number)
        {
            return (name, $"{name} must be a number, got {node.ToJsonString()}");
        }

        var value = node.GetValue<double>();
        var low = minExclusive ? value <= min : value < min;
        return low || value > max
            ? (name, string.Create(CultureInfo.InvariantCulture, $"{name} must be in {(minExclusive ? "(" : "[")}{min}, {max}], got {value}"))
            : null;
    }

    private static (string, string)? PositiveInteger(JsonObject body, string name)
    {
        if (!body.TryGetPropertyValue(name, out var node) || node is null)
        {
            return null;
        }

        return node is JsonValue value && value.TryGetValue<long>(out var number) && number >= 1
            ? null
            : (name, $"{name} must be a positive integer, got {node.ToJsonString()}");
    }

    private static (string, string)? Tools(JsonObject body)
    {
        foreach (var tool in body["tools"] as JsonArray ?? [])
        {
            var name = tool?["function"]?["name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (name is null || !ToolName().IsMatch(name))
            {
                return ("tools", $"tool name {(name is null ? "missing" : JsonText.Quote(name))}: a function name has 1 to 64 of a-z, A-Z, 0-9, _ and -");
            }
        }

        return null;
    }

    private static (string, string)? ToolChoice(JsonObject body)
    {
        if (!body.TryGetPropertyValue("tool_choice", out var choice) || choice is null)
        {
            return null;
        }

        if (choice is JsonValue value && value.TryGetValue<string>(out var mode))
        {
            return mode is "none" or "auto" or "required" ? null : ("tool_choice", $"tool_choice \"{mode}\" is not one of none, auto, required or a named function");
        }

        var name = choice["function"]?["name"] is JsonValue n && n.TryGetValue<string>(out var s) ? s : null;
        if (choice is not JsonObject || choice["type"]?.ToString() != "function" || name is null)
        {
            return ("tool_choice", "a named tool_choice is {\"type\": \"function\", \"function\": {\"name\": NAME}}");
        }

        var declared = (body["tools"] as JsonArray ?? []).Any(t => t?["function"]?["name"]?.ToString() == name);
        return declared ? null : ("tool_choice", $"tool_choice names \"{name}\", which is not a declared tool");
    }

    private static (string, string)? ResponseFormat(JsonObject body)
    {
        if (body["response_format"] is not JsonObject format)
        {
            return null;
        }

        var type = format["type"]?.ToString();
        if (type is not ("text" or "json_object" or "json_schema"))
        {
            return ("response_format", $"response_format.type \"{type}\" is not one of text, json_object, json_schema");
        }

        return format["json_schema"]?["strict"] is { } strict && strict.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)
            ? ("response_format", $"response_format.json_schema.strict must be a boolean, got {strict.ToJsonString()}")
            : null;
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex ToolName();
}
