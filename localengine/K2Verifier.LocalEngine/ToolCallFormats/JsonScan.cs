using System.Text.Json;

namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>Small JSON helpers for tool-call bodies: where a value ends, and whether text is a JSON object.</summary>
internal static class JsonScan
{
    /// <summary>The index just after the JSON object or array starting at <paramref name="start"/>; -1 when the text ends first.</summary>
    public static int FindContainerEnd(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return -1;
    }

    public static bool IsObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Parses a strict <c>{"name": …, ARGUMENTS_KEY: {…}}</c> body into a call, or explains why it is not one.</summary>
    public static (string? Name, string? Arguments, string? Problem) ReadNamedCall(string body, string argumentsKey)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return (null, null, $"tool call is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, "tool call is not a JSON object");
            }

            if (!root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString()!.Length == 0)
            {
                return (null, null, "tool call has no \"name\" string");
            }

            if (!root.TryGetProperty(argumentsKey, out var arguments))
            {
                return (null, null, $"tool call has no \"{argumentsKey}\"");
            }

            if (arguments.ValueKind == JsonValueKind.Object)
            {
                return (name.GetString(), arguments.GetRawText(), null);
            }

            return (null, null, $"tool call \"{argumentsKey}\" is not a JSON object");
        }
    }
}
