using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Dataset;

namespace K2Verifier.Datasets.Lint;

/// <summary>Checks one parsed request body and adds its counts and findings to a <see cref="LintReport"/>.</summary>
internal sealed partial class RequestLinter
{
    private static readonly HashSet<string> ValidRoles = new(StringComparer.Ordinal) { "system", "user", "assistant", "tool", "_input", "developer" };
    private readonly LintReport _report;
    private SourceLocation _location;

    public RequestLinter(LintReport report) => _report = report;

    public void Lint(SourceLocation location, JsonObject body)
    {
        _location = location;
        if (body["stream"] is JsonValue stream)
        {
            if (stream.GetValueKind() == JsonValueKind.True)
            {
                _report.Streams++;
            }
            else if (stream.GetValueKind() != JsonValueKind.False)
            {
                Error("$.stream: expected true or false");
            }
        }

        var declared = LintTools(body);
        LintToolChoice(body, declared);
        LintMessages((JsonArray)body["messages"]!);
    }

    private void LintMessages(JsonArray messages)
    {
        var callIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < messages.Count; i++)
        {
            var message = (JsonObject)messages[i]!;
            var path = $"$.messages[{i}]";
            var role = message["role"]!.GetValue<string>();
            _report.Messages++;
            _report.CountRole(role);
            if (!ValidRoles.Contains(role))
            {
                Error($"{path}.role: '{role}' is not one of {string.Join(", ", ValidRoles)}");
            }

            LintContent(message, path, role);
            if (message.ContainsKey("reasoning_content"))
            {
                _report.ReasoningMessages++;
            }

            if (role == "assistant" && message["tool_calls"] is { } calls)
            {
                LintToolCalls(calls, path, callIds);
            }
            else if (role == "tool")
            {
                _report.ToolAnswers++;
                if (message["tool_call_id"] is not JsonValue id || id.GetValueKind() != JsonValueKind.String)
                {
                    Error($"{path}.tool_call_id: missing or not a string");
                }
                else if (!callIds.Contains(id.GetValue<string>()))
                {
                    Error($"{path}.tool_call_id: '{id.GetValue<string>()}' answers no earlier tool call");
                }
            }
        }
    }

    private void LintContent(JsonObject message, string path, string role)
    {
        var content = message["content"];
        switch (content?.GetValueKind())
        {
            case null or JsonValueKind.Null:
                if (role is "user" or "tool" or "system" or "_input" or "developer")
                {
                    Error($"{path}.content: missing or null in a {role} message");
                }

                break;
            case JsonValueKind.String:
                if (content.GetValue<string>().Length == 0)
                {
                    _report.EmptyContentMessages++;
                }

                break;
            case JsonValueKind.Array:
                _report.ListContentMessages++;
                LintParts((JsonArray)content, path);
                break;
            default:
                Error($"{path}.content: expected a string, a list of parts or null, found {DescribeKind(content)}");
                break;
        }
    }

    private void LintParts(JsonArray parts, string path)
    {
        for (var p = 0; p < parts.Count; p++)
        {
            if (parts[p] is not JsonObject part || part["type"] is not JsonValue type || type.GetValueKind() != JsonValueKind.String)
            {
                Error($"{path}.content[{p}]: expected a part object with a string 'type'");
            }
            else if (type.GetValue<string>() == "text" && (part["text"] is not JsonValue text || text.GetValueKind() != JsonValueKind.String))
            {
                Error($"{path}.content[{p}].text: missing or not a string in a text part");
            }
        }
    }

    private void LintToolCalls(JsonNode calls, string path, HashSet<string> callIds)
    {
        if (calls is not JsonArray array)
        {
            Error($"{path}.tool_calls: expected an array, found {DescribeKind(calls)}");
            return;
        }

        for (var c = 0; c < array.Count; c++)
        {
            var callPath = $"{path}.tool_calls[{c}]";
            if (array[c] is not JsonObject call || call["function"] is not JsonObject function
                || function["name"] is not JsonValue nameNode || nameNode.GetValueKind() != JsonValueKind.String)
            {
                Error($"{callPath}: expected {{\"id\", \"type\": \"function\", \"function\": {{\"name\", \"arguments\"}}}}");
                continue;
            }

            _report.ToolCalls++;
            var name = nameNode.GetValue<string>();
            if (function["arguments"]?.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Object))
            {
                Error($"{callPath}.function.arguments: expected a JSON string or an object");
            }

            if (call["id"] is not JsonValue idNode || idNode.GetValueKind() != JsonValueKind.String)
            {
                Error($"{callPath}.id: missing or not a string");
                continue;
            }

            var id = idNode.GetValue<string>();
            callIds.Add(id);
            if (ToolCallIdForm.IsCanonical(id, name))
            {
                _report.CanonicalIds++;
            }
            else
            {
                Warning($"{callPath}.id: '{id}' is not in the form functions.{name}:IDX (see --normalize-tool-ids)");
            }
        }
    }

    private void Error(string message) => _report.Add(new LintIssue(_location, LintSeverity.Error, message));

    private void Warning(string message) => _report.Add(new LintIssue(_location, LintSeverity.Warning, message));

    private static string DescribeKind(JsonNode? node) => node is null ? "null" : node.GetValueKind().ToString().ToLowerInvariant();
}
