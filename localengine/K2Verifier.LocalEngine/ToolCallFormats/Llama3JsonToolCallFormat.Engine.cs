using System.Text.Json;

namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>Lenient parsing as vLLM's <c>llama_tool_parser.py</c> does, recovering after a bad object as SGLang does.</summary>
public sealed partial class Llama3JsonToolCallFormat
{
    /// <summary>
    /// vLLM's rule: every <c>{</c> outside an object already read starts a JSON object; an object with a <c>name</c>
    /// string and <c>arguments</c> (else <c>parameters</c>) is a call with that value's JSON as arguments, so a second
    /// <c>&lt;|python_tag|&gt;</c> or a <c>;</c> simply leads to the next call; when calls were found the content is
    /// null (empty here), else the whole text. Where vLLM gives up on the whole text at the first object that is not
    /// JSON or not a call, this parser skips that object and keeps looking (SGLang's recovery).
    /// </summary>
    private static ToolCallParseResult ParseLikeEngine(string text)
    {
        var calls = new List<ParsedToolCall>();
        var problems = new List<string>();
        var incomplete = 0;
        for (var brace = text.IndexOf('{', StringComparison.Ordinal); brace >= 0;)
        {
            var end = JsonScan.FindContainerEnd(text, brace);
            if (end < 0)
            {
                // The text ends inside this object: an unfinished call when it opens like one.
                var opensCall = text.AsSpan(brace + 1).TrimStart().StartsWith("\"name\"", StringComparison.Ordinal);
                incomplete += opensCall ? 1 : 0;
                problems.Add(opensCall ? "the text ends inside a tool call" : "unterminated JSON object skipped");
                break;
            }

            var problem = ReadEngineCall(text[brace..end], calls);
            if (problem is not null)
            {
                problems.Add(problem + "; skipped");
                brace = text.IndexOf('{', brace + 1);
                continue;
            }

            brace = text.IndexOf('{', end);
        }

        return calls.Count == 0
            ? new ToolCallParseResult(text, [], incomplete > 0, problems) { IncompleteCalls = incomplete }
            : new ToolCallParseResult(string.Empty, calls, incomplete > 0, problems) { IncompleteCalls = incomplete };
    }

    private static string? ReadEngineCall(string json, List<ParsedToolCall> calls)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (!root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
            {
                return "JSON object without a \"name\" string";
            }

            if (!root.TryGetProperty("arguments", out var arguments) && !root.TryGetProperty("parameters", out arguments))
            {
                return $"\"{name.GetString()}\" has neither \"arguments\" nor \"parameters\"";
            }

            calls.Add(new ParsedToolCall($"call_{calls.Count}", name.GetString()!, arguments.GetRawText()));
            return null;
        }
        catch (JsonException ex)
        {
            return $"not valid JSON: {ex.Message}";
        }
    }
}
