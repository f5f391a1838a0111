namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>Lenient parsing as vLLM's <c>deepseekv3_tool_parser.py</c> does (see docs/templates-and-formats.md).</summary>
public sealed partial class DeepSeekV3ToolCallFormat
{
    /// <summary>
    /// vLLM's rule: nothing is a call without <c>&lt;｜tool▁calls▁begin｜&gt;</c>; each
    /// <c>&lt;｜tool▁call▁begin｜&gt;TYPE&lt;｜tool▁sep｜&gt;NAME\n```json\nARGS\n```&lt;｜tool▁call▁end｜&gt;</c> is a call with
    /// ARGS kept as written (JSON or not); a call without that shape is dropped; the content is the text before the
    /// section opener. Unlike vLLM (whose pattern has no DOTALL), ARGS may span lines, as in SGLang's detector.
    /// </summary>
    private static ToolCallParseResult ParseLikeEngine(string text)
    {
        var start = text.IndexOf(SectionBegin, StringComparison.Ordinal);
        if (start < 0)
        {
            return ToolCallParseResult.ContentOnly(text);
        }

        var calls = new List<ParsedToolCall>();
        var problems = new List<string>();
        var incomplete = 0;
        for (var begin = text.IndexOf(CallBegin, StringComparison.Ordinal); begin >= 0;)
        {
            var end = text.IndexOf(CallEnd, begin, StringComparison.Ordinal);
            if (end < 0)
            {
                incomplete++;
                problems.Add($"tool call {calls.Count + 1} has no <｜tool▁call▁end｜>; call dropped");
                break;
            }

            AddEngineCall(text[(begin + CallBegin.Length)..end], calls, problems);
            begin = text.IndexOf(CallBegin, end + CallEnd.Length, StringComparison.Ordinal);
        }

        var closed = text.IndexOf(SectionEnd, start, StringComparison.Ordinal) >= 0;
        if (!closed && incomplete == 0)
        {
            problems.Add("<｜tool▁calls▁begin｜> never closed");
        }

        return new ToolCallParseResult(text[..start], calls, incomplete > 0 || !closed, problems) { IncompleteCalls = incomplete };
    }

    private static void AddEngineCall(string body, List<ParsedToolCall> calls, List<string> problems)
    {
        var separator = body.IndexOf(Separator, StringComparison.Ordinal);
        var newline = separator < 0 ? -1 : body.IndexOf('\n', separator);
        var rest = newline < 0 ? string.Empty : body[(newline + 1)..];
        if (separator < 0 || newline < 0 || body[..separator].Contains('\n', StringComparison.Ordinal)
            || !rest.StartsWith(FenceOpen, StringComparison.Ordinal) || !rest.EndsWith(FenceClose, StringComparison.Ordinal)
            || rest.Length < FenceOpen.Length + FenceClose.Length)
        {
            problems.Add("tool call is not TYPE<｜tool▁sep｜>NAME\\n```json\\n…\\n```; call dropped");
            return;
        }

        var name = body[(separator + Separator.Length)..newline];
        calls.Add(new ParsedToolCall($"call_{calls.Count}", name, rest[FenceOpen.Length..^FenceClose.Length]));
    }
}
