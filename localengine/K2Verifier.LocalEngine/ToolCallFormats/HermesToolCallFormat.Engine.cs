using System.Text.Json;

namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>Lenient parsing as vLLM's <c>hermes_tool_parser.py</c> does (see docs/templates-and-formats.md).</summary>
public sealed partial class HermesToolCallFormat
{
    /// <summary>
    /// vLLM's rule: each <c>&lt;tool_call&gt;…&lt;/tool_call&gt;</c> block, and a last block left unclosed at the end of the
    /// text, must hold a JSON object with a <c>name</c> string and an <c>arguments</c> key (a JSON string there is
    /// decoded); if any block fails, no call is made and the whole text is content. Otherwise the content is the text
    /// before the first block.
    /// </summary>
    private static ToolCallParseResult ParseLikeEngine(string text)
    {
        var first = text.IndexOf(CallBegin, StringComparison.Ordinal);
        if (first < 0)
        {
            return ToolCallParseResult.ContentOnly(text);
        }

        var calls = new List<ParsedToolCall>();
        var incomplete = 0;
        for (var position = first; position >= 0;)
        {
            var bodyStart = position + CallBegin.Length;
            var end = text.IndexOf(CallEnd, bodyStart, StringComparison.Ordinal);
            incomplete += end < 0 ? 1 : 0;
            var body = end < 0 ? text[bodyStart..] : text[bodyStart..end];
            var problem = AddEngineCall(body, calls);
            if (problem is not null)
            {
                // vLLM: one bad block and the whole text is content.
                return new ToolCallParseResult(text, [], incomplete > 0, [problem + "; no call made, the text is content"]) { IncompleteCalls = incomplete };
            }

            position = end < 0 ? -1 : text.IndexOf(CallBegin, end + CallEnd.Length, StringComparison.Ordinal);
        }

        IReadOnlyList<string> problems = incomplete > 0 ? ["<tool_call> never closed (the call was complete)"] : [];
        return new ToolCallParseResult(text[..first], calls, incomplete > 0, problems) { IncompleteCalls = incomplete };
    }

    private static string? AddEngineCall(string body, List<ParsedToolCall> calls)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
            {
                return "tool call is not an object with a \"name\" string";
            }

            if (!root.TryGetProperty("arguments", out var arguments))
            {
                return "tool call has no \"arguments\"";
            }

            var text = arguments.GetRawText();
            if (arguments.ValueKind == JsonValueKind.String)
            {
                text = arguments.GetString()!;
                using var decoded = JsonDocument.Parse(text);
            }

            calls.Add(new ParsedToolCall($"call_{calls.Count}", name.GetString()!, text));
            return null;
        }
        catch (JsonException ex)
        {
            return $"tool call is not valid JSON: {ex.Message}";
        }
    }
}
