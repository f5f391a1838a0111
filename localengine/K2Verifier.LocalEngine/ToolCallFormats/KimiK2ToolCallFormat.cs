using System.Text;
using System.Text.RegularExpressions;

namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>
/// Kimi K2: <c>&lt;|tool_calls_section_begin|&gt;&lt;|tool_call_begin|&gt;functions.NAME:IDX&lt;|tool_call_argument_begin|&gt;{json}&lt;|tool_call_end|&gt;…&lt;|tool_calls_section_end|&gt;</c>.
/// Strict mode requires ids of the form <c>functions.NAME:IDX</c> and JSON-object arguments. Lenient mode takes the
/// name after the last <c>.</c> and before the <c>:</c> (so <c>search:2</c> is the tool <c>search</c>), tolerates
/// whitespace, the singular <c>tool_call_section</c> markers and a missing section opener.
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
        var problems = new List<string>();
        var calls = new List<ParsedToolCall>();
        var lenient = mode == ParseMode.Lenient;
        var (start, opener) = FindSectionStart(completion, lenient);
        if (start < 0)
        {
            return new ToolCallParseResult(completion, [], false, []);
        }

        var position = start + opener.Length;
        var truncated = false;
        while (true)
        {
            var begin = completion.IndexOf(CallBegin, position, StringComparison.Ordinal);
            var sectionEnd = IndexOfSectionEnd(completion, position, lenient);
            if (begin < 0 || (sectionEnd.Index >= 0 && sectionEnd.Index < begin))
            {
                if (sectionEnd.Index < 0)
                {
                    // Without an opener (lenient) the text after the last call is content; with one, the section never closed.
                    truncated = opener.Length > 0;
                    position = truncated ? completion.Length : position;
                    break;
                }

                NoteStray(completion[position..sectionEnd.Index], problems, mode);
                position = sectionEnd.Index + sectionEnd.Length;
                break;
            }

            NoteStray(completion[position..begin], problems, mode);
            var argumentBegin = completion.IndexOf(ArgumentBegin, begin, StringComparison.Ordinal);
            var end = argumentBegin < 0 ? -1 : completion.IndexOf(CallEnd, argumentBegin, StringComparison.Ordinal);
            if (end < 0)
            {
                truncated = true;
                position = completion.Length;
                break;
            }

            var id = completion[(begin + CallBegin.Length)..argumentBegin];
            var arguments = completion[(argumentBegin + ArgumentBegin.Length)..end];
            AddCall(id, arguments, mode, calls, problems);
            position = end + CallEnd.Length;
        }

        var content = completion[..start] + (position < completion.Length ? completion[position..] : string.Empty);
        return new ToolCallParseResult(content, calls, truncated, problems);
    }

    public IToolCallStreamParser CreateStreamParser(ParseMode mode) =>
        new MarkerStreamParser(this, mode, mode == ParseMode.Lenient ? [SectionBegin, SingularSectionBegin, CallBegin] : [SectionBegin]);

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

    /// <summary>The name in an id: strict <c>functions.NAME:IDX</c>; lenient after the last dot, before the index.</summary>
    public static string? FunctionName(string id, ParseMode mode)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (mode == ParseMode.Strict)
        {
            var match = StrictId().Match(id);
            return match.Success ? match.Groups["name"].Value : null;
        }

        var text = id.Trim();
        var colon = text.LastIndexOf(':');
        if (colon >= 0)
        {
            text = text[..colon];
        }

        var name = text[(text.LastIndexOf('.') + 1)..].Trim();
        return name.Length > 0 ? name : null;
    }

    private static void AddCall(string id, string arguments, ParseMode mode, List<ParsedToolCall> calls, List<string> problems)
    {
        var lenient = mode == ParseMode.Lenient;
        if (lenient)
        {
            id = id.Trim();
            arguments = arguments.Trim();
        }

        var name = FunctionName(id, mode);
        if (name is null)
        {
            problems.Add($"tool-call id \"{id}\" is not of the form functions.NAME:IDX; call dropped");
            return;
        }

        if (!JsonScan.IsObject(arguments))
        {
            if (!lenient || arguments.Length > 0)
            {
                problems.Add($"arguments of \"{id}\" are not a JSON object{(lenient ? " (kept as written)" : "; call dropped")}");
            }

            if (!lenient)
            {
                return;
            }

            arguments = arguments.Length == 0 ? "{}" : arguments;
        }

        calls.Add(new ParsedToolCall(id, name, arguments));
    }

    private static void NoteStray(string text, List<string> problems, ParseMode mode)
    {
        if (mode == ParseMode.Strict && !string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"text inside the tool-call section ignored: \"{(text.Length > 60 ? text[..60] + "…" : text)}\"");
        }
    }

    private static (int Index, string Marker) FindSectionStart(string text, bool lenient)
    {
        var index = text.IndexOf(SectionBegin, StringComparison.Ordinal);
        if (index >= 0 || !lenient)
        {
            return (index, SectionBegin);
        }

        index = text.IndexOf(SingularSectionBegin, StringComparison.Ordinal);
        if (index >= 0)
        {
            return (index, SingularSectionBegin);
        }

        // A call without a section opener: the section starts at the call.
        return (text.IndexOf(CallBegin, StringComparison.Ordinal), string.Empty);
    }

    private static (int Index, int Length) IndexOfSectionEnd(string text, int from, bool lenient)
    {
        var index = text.IndexOf(SectionEnd, from, StringComparison.Ordinal);
        if (index < 0 && lenient)
        {
            index = text.IndexOf(SingularSectionEnd, from, StringComparison.Ordinal);
            return (index, SingularSectionEnd.Length);
        }

        return (index, SectionEnd.Length);
    }

    [GeneratedRegex(@"^functions\.(?<name>[^\s.:][^\s:]*):(?<index>\d+)$")]
    private static partial Regex StrictId();
}
