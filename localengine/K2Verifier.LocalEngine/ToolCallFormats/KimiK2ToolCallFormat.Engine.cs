using System.Text.RegularExpressions;

namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>Lenient parsing as vLLM's <c>kimi_k2_tool_parser.py</c> does (see docs/templates-and-formats.md).</summary>
public sealed partial class KimiK2ToolCallFormat
{
    /// <summary>
    /// vLLM's non-streamed rule: nothing is a call without a section opener (plural, or the singular variant vLLM's
    /// stream path accepts); every <c>&lt;|tool_call_begin|&gt;ID&lt;|tool_call_argument_begin|&gt;ARGS&lt;|tool_call_end|&gt;</c>
    /// whose id ends in <c>:IDX</c> is a call named <c>id.split(":")[0].split(".")[-1]</c> (so <c>search:2</c> is
    /// <c>search</c> and <c>functions.f.0</c> is dropped), whitespace around id and arguments is trimmed, arguments are
    /// kept as written (JSON or not), a section never closed still yields its complete calls, and the content is the
    /// text before the section opener.
    /// </summary>
    private static ToolCallParseResult ParseLikeEngine(string text)
    {
        var (start, opener) = EngineSectionStart(text);
        if (start < 0)
        {
            return ToolCallParseResult.ContentOnly(text);
        }

        var calls = new List<ParsedToolCall>();
        var problems = new List<string>();
        var incomplete = 0;
        for (var begin = text.IndexOf(CallBegin, StringComparison.Ordinal); begin >= 0;)
        {
            var next = text.IndexOf(CallBegin, begin + CallBegin.Length, StringComparison.Ordinal);
            var segmentEnd = next < 0 ? text.Length : next;
            var end = text.IndexOf(CallEnd, begin, segmentEnd - begin, StringComparison.Ordinal);
            if (end < 0)
            {
                incomplete++;
                problems.Add($"tool call {calls.Count + incomplete} has no <|tool_call_end|>; call dropped");
            }
            else
            {
                AddEngineCall(text[(begin + CallBegin.Length)..end], calls, problems);
            }

            begin = next;
        }

        var closed = text.IndexOf(SectionEnd, start, StringComparison.Ordinal) >= 0 || text.IndexOf(SingularSectionEnd, start, StringComparison.Ordinal) >= 0;
        if (!closed)
        {
            problems.Add($"{opener} never closed");
        }

        return new ToolCallParseResult(text[..start], calls, incomplete > 0 || !closed, problems) { IncompleteCalls = incomplete };
    }

    private static void AddEngineCall(string body, List<ParsedToolCall> calls, List<string> problems)
    {
        var argumentBegin = body.IndexOf(ArgumentBegin, StringComparison.Ordinal);
        var id = argumentBegin < 0 ? body.Trim() : body[..argumentBegin].Trim();
        if (argumentBegin < 0 || !EngineId().IsMatch(id))
        {
            problems.Add($"tool-call id \"{id}\" is not of the form NAME:IDX (or no <|tool_call_argument_begin|>); call dropped");
            return;
        }

        var name = id.Split(':')[0].Split('.')[^1];
        calls.Add(new ParsedToolCall(id, name, body[(argumentBegin + ArgumentBegin.Length)..].Trim()));
    }

    private static (int Index, string Marker) EngineSectionStart(string text)
    {
        var plural = text.IndexOf(SectionBegin, StringComparison.Ordinal);
        var singular = text.IndexOf(SingularSectionBegin, StringComparison.Ordinal);
        return singular >= 0 && (plural < 0 || singular < plural) ? (singular, SingularSectionBegin) : (plural, SectionBegin);
    }

    // vLLM: <\|tool_call_begin\|>\s*(?P<tool_call_id>[^<]+:\d+)\s*<\|tool_call_argument_begin\|>
    [GeneratedRegex(@"^[^<]+:\d+$", RegexOptions.Singleline)]
    private static partial Regex EngineId();
}
