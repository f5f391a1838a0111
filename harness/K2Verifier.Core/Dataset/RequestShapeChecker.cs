using System.Text.Json;
using System.Text.Json.Nodes;

namespace K2Verifier.Dataset;

/// <summary>
/// The checks a request body must pass to be sent: a non-empty <c>messages</c> array of objects with a string
/// <c>role</c>, and, when present, <c>tools</c> as an array of <c>{"type":"function","function":{"name":…}}</c> with
/// an object <c>parameters</c> when given. Returns the first problem as <c>json.path: what is wrong</c>.
/// </summary>
internal static class RequestShapeChecker
{
    public static string? Check(JsonObject body)
    {
        if (!body.TryGetPropertyValue("messages", out var messagesNode))
        {
            return "$.messages: missing";
        }

        if (messagesNode is not JsonArray messages)
        {
            return $"$.messages: expected an array, found {DatasetReader.Kind(messagesNode)}";
        }

        if (messages.Count == 0)
        {
            return "$.messages: empty";
        }

        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not JsonObject message)
            {
                return $"$.messages[{i}]: expected an object, found {DatasetReader.Kind(messages[i])}";
            }

            if (message["role"] is not JsonValue role || role.GetValueKind() != JsonValueKind.String)
            {
                return $"$.messages[{i}].role: missing or not a string";
            }
        }

        return body.TryGetPropertyValue("tools", out var toolsNode) ? CheckTools(toolsNode) : null;
    }

    private static string? CheckTools(JsonNode? toolsNode)
    {
        if (toolsNode is null)
        {
            return null;
        }

        if (toolsNode is not JsonArray tools)
        {
            return $"$.tools: expected an array, found {DatasetReader.Kind(toolsNode)}";
        }

        for (var i = 0; i < tools.Count; i++)
        {
            if (tools[i] is not JsonObject tool)
            {
                return $"$.tools[{i}]: expected an object, found {DatasetReader.Kind(tools[i])}";
            }

            if (tool["function"] is not JsonObject function)
            {
                return $"$.tools[{i}].function: missing or not an object";
            }

            if (function["name"] is not JsonValue name || name.GetValueKind() != JsonValueKind.String)
            {
                return $"$.tools[{i}].function.name: missing or not a string";
            }

            if (function.TryGetPropertyValue("parameters", out var parameters)
                && parameters is not null and not JsonObject
                && parameters.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                return $"$.tools[{i}].function.parameters: expected an object (a JSON Schema), found {DatasetReader.Kind(parameters)}";
            }
        }

        return null;
    }
}
