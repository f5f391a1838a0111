using System.Text.Json;

namespace K2Verifier.Dataset;

/// <summary>
/// The checks a request body must pass to be sent: a non-empty <c>messages</c> array of objects with a string
/// <c>role</c>, and, when present, <c>tools</c> as an array of <c>{"type":"function","function":{"name":…}}</c> with
/// an object <c>parameters</c> when given. Returns the first problem as <c>json.path: what is wrong</c>.
/// </summary>
internal static class RequestShapeChecker
{
    public static string? Check(JsonElement body)
    {
        if (!body.TryGetProperty("messages", out var messages))
        {
            return "$.messages: missing";
        }

        if (messages.ValueKind != JsonValueKind.Array)
        {
            return $"$.messages: expected an array, found {DatasetReader.Kind(messages)}";
        }

        if (messages.GetArrayLength() == 0)
        {
            return "$.messages: empty";
        }

        var i = 0;
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object)
            {
                return $"$.messages[{i}]: expected an object, found {DatasetReader.Kind(message)}";
            }

            if (!message.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String)
            {
                return $"$.messages[{i}].role: missing or not a string";
            }

            i++;
        }

        return body.TryGetProperty("tools", out var tools) ? CheckTools(tools) : null;
    }

    private static string? CheckTools(JsonElement tools)
    {
        if (tools.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (tools.ValueKind != JsonValueKind.Array)
        {
            return $"$.tools: expected an array, found {DatasetReader.Kind(tools)}";
        }

        var i = 0;
        foreach (var tool in tools.EnumerateArray())
        {
            if (tool.ValueKind != JsonValueKind.Object)
            {
                return $"$.tools[{i}]: expected an object, found {DatasetReader.Kind(tool)}";
            }

            if (!tool.TryGetProperty("function", out var function) || function.ValueKind != JsonValueKind.Object)
            {
                return $"$.tools[{i}].function: missing or not an object";
            }

            if (!function.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
            {
                return $"$.tools[{i}].function.name: missing or not a string";
            }

            if (function.TryGetProperty("parameters", out var parameters)
                && parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False))
            {
                return $"$.tools[{i}].function.parameters: expected an object (a JSON Schema), found {DatasetReader.Kind(parameters)}";
            }

            i++;
        }

        return null;
    }
}
