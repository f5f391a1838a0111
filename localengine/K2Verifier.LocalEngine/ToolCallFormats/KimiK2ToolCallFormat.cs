using System.Text;
using System.Text.RegularExpressions;

namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>
/// Kimi K2: <c>&lt;|tool_calls_section_begin|&gt;&lt;|tool_call_begin|&gt;functions.NAME:IDX&lt;|tool_call_argument_begin|&gt;{json}&lt;|tool_call_end|&gt;…&lt;|tool_calls_section_end|&gt;</c>.
/// Strict mode requires ids of the form <c>functions.NAME:IDX</c> and JSON-object arguments. Lenient mode parses as
/// vLLM's Kimi K2 parser does (<see cref="ParseLikeEngine"/>): <c>search:2</c> is the tool <c>search</c>.
/// </summary>
public sealed partial class KimiK2ToolCallFormat : IToolCallFormat
{
    public const string SectionBegin = "<|tool_calls_section_begin|>";
    public const string SectionEnd = "<|tool_calls_section_end|>";
    public const string CallBegin = "<|tool_call_begin|>";
    public const string ArgumentBegin = "<|tool_call_argument_begin|>";
    public const string CallEnd = "<|tool_call_end|>";

    private const string SingularSectionBegin = "<|tool_call_section_begin|>";
    private const string SingularSectionEnd = "<|tool_call_section_end|>";

    private KimiK2ToolCallFormat()
    {
    }

    /// <summary>The shared instance.</summary>
    public static KimiK2ToolCallFormat Instance { get; } = new();

    public string Name => "kimi-k2";

    public string Render(IReadOnlyList<ParsedToolCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var text = new StringBuilder(SectionBegin);
        for (var i = 0; i < calls.Count; i++)
        {
            var id = string.IsNullOrEmpty(calls[i].Id) ? $"functions.{calls[i].Name}:{i}" : calls[i].Id;
            text.Append(CallBegin).Append(id).Append(ArgumentBegin).Append(calls[i].Arguments).Append(CallEnd);
        }

        return text.Append(SectionEnd).ToString();
    }

    public ToolCallParseResult Parse(string completion, ParseMode mode)
    {
        ArgumentNullException.ThrowIfNull(completion);
        if (mode == ParseMode.Lenient)
        {
            return ParseLikeEngine(completion);
        }

        var problems = new List<string>();
        var calls = new List<ParsedToolCall>();
        var start = completion.IndexOf(SectionBegin, StringComparison.Ordinal);
        if (start < 0)
        {
            return ToolCallParseResult.ContentOnly(completion);
        }

        var position = start + SectionBegin.Length;
        var truncated = false;
        var incomplete = 0;
        while (true)
        {
            var begin = completion.IndexOf(CallBegin, position, StringComparison.Ordinal);
            var sectionEnd = completion.IndexOf(SectionEnd, position, StringComparison.Ordinal);
            if (begin < 0 || (sectionEnd >= 0 && sectionEnd < begin))
            {
                if (sectionEnd < 0)
                {
                    truncated = true;
                    position = completion.Length;
                    break;
                }

                NoteStray(completion[position..sectionEnd], problems);
                position = sectionEnd + SectionEnd.Length;
                break;
            }

            NoteStray(completion[position..begin], problems);
            var argumentBegin = completion.IndexOf(ArgumentBegin, begin, StringComparison.Ordinal);
            var end = argumentBegin < 0 ? -1 : completion.IndexOf(CallEnd, argumentBegin, StringComparison.Ordinal);
            if (end < 0)
            {
                truncated = true;
                incomplete = 1;
                position = completion.Length;
                break;
            }

            var id = completion[(begin + CallBegin.Length)..argumentBegin];
            var arguments = completion[(argumentBegin + ArgumentBegin.Length)..end];
            AddStrictCall(id, arguments, calls, problems);
            position = end + CallEnd.Length;
        }

        var content = completion[..start] + (position < completion.Length ? completion[position..] : string.Empty);
        return new ToolCallParseResult(content, calls, truncated, problems) { IncompleteCalls = incomplete };
    }

    public IToolCallStreamParser CreateStreamParser(ParseMode mode) =>
        new MarkerStreamParser(this, mode, mode == ParseMode.Lenient ? [SectionBegin, SingularSectionBegin] : [SectionBegin]);

    /// <summary>
    /// The function name K2-Vendor-Verifier's and vLLM's Kimi K2 parser derive from an id:
    /// <c>id.split('.')[1].split(':')[0]</c>; null where that raises (an id without a dot, such as <c>search:2</c>),
    /// which drops the call there (vLLM bug #3 in DESIGN.md).
    /// </summary>
    public static string? ReferenceFunctionName(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var parts = id.Split('.');
        return parts.Length < 2 ? null : parts[1].Split(':')[0];
    }

    /// <summary>The name in an id: strict <c>functions.NAME:IDX</c>; lenient as vLLM, <c>id.split(":")[0].split(".")[-1]</c>.</summary>
    public static string? FunctionName(string id, ParseMode mode)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (mode == ParseMode.Strict)
        {
            var match = StrictId().Match(id);
            return match.Success ? match.Groups["name"].Value : null;
        }

        var name = id.Trim().Split(':')[0].Split('.')[^1];
        return name.Length > 0 ? name : null;
    }

    private static void AddStrictCall(string id, string arguments, List<ParsedToolCall> calls, List<string> problems)
    {
        var name = FunctionName(id, ParseMode.Strict);
        if (name is null)
        {
            problems.Add($"tool-call id \"{id}\" is not of the form functions.NAME:IDX; call dropped");
        }
        else if (!JsonScan.IsObject(arguments))
        {
            problems.Add($"arguments of \"{id}\" are not a JSON object; call dropped");
        }
        else
        {
            calls.Add(new ParsedToolCall(id, name, arguments));
        }
    }

    private static void NoteStray(string text, List<string> problems)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"text inside the tool-call section ignored: \"{(text.Length > 60 ? text[..60] + "…" : text)}\"");
        }
    }

    [GeneratedRegex(@"^functions\.(?<name>[^\s.:][^\s:]*):(?<index>\d+)$")]
    private static partial Regex StrictId();
}
