using System.Text;

namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>
/// DeepSeek V3, with the exact tokens of its chat template:
/// <c>&lt;｜tool▁calls▁begin｜&gt;&lt;｜tool▁call▁begin｜&gt;function&lt;｜tool▁sep｜&gt;NAME\n```json\n{…}\n```&lt;｜tool▁call▁end｜&gt;</c>, calls
/// separated by a newline, then <c>&lt;｜tool▁calls▁end｜&gt;</c>. Strict mode wants type <c>function</c>, the
/// <c>```json</c> fence and JSON-object arguments; lenient mode accepts any type, missing fences and extra whitespace.
/// </summary>
public sealed class DeepSeekV3ToolCallFormat : IToolCallFormat
{
    public const string SectionBegin = "<｜tool▁calls▁begin｜>";
    public const string SectionEnd = "<｜tool▁calls▁end｜>";
    public const string CallBegin = "<｜tool▁call▁begin｜>";
    public const string Separator = "<｜tool▁sep｜>";
    public const string CallEnd = "<｜tool▁call▁end｜>";

    private const string FenceOpen = "```json\n";
    private const string FenceClose = "\n```";

    private DeepSeekV3ToolCallFormat()
    {
    }

    /// <summary>The shared instance.</summary>
    public static DeepSeekV3ToolCallFormat Instance { get; } = new();

    public string Name => "deepseek-v3";

    public string Render(IReadOnlyList<ParsedToolCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var text = new StringBuilder(SectionBegin);
        for (var i = 0; i < calls.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : "\n").Append(CallBegin).Append("function").Append(Separator).Append(calls[i].Name)
                .Append('\n').Append(FenceOpen).Append(calls[i].Arguments).Append(FenceClose).Append(CallEnd);
        }

        return text.Append(SectionEnd).ToString();
    }

    public ToolCallParseResult Parse(string completion, ParseMode mode)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var lenient = mode == ParseMode.Lenient;
        var start = completion.IndexOf(SectionBegin, StringComparison.Ordinal);
        var openerLength = SectionBegin.Length;
        if (start < 0 && lenient)
        {
            start = completion.IndexOf(CallBegin, StringComparison.Ordinal);
            openerLength = 0;
        }

        if (start < 0)
        {
            return new ToolCallParseResult(completion, [], false, []);
        }

        var calls = new List<ParsedToolCall>();
        var problems = new List<string>();
        var position = start + openerLength;
        var truncated = false;
        while (true)
        {
            var begin = completion.IndexOf(CallBegin, position, StringComparison.Ordinal);
            var sectionEnd = completion.IndexOf(SectionEnd, position, StringComparison.Ordinal);
            if (begin < 0 || (sectionEnd >= 0 && sectionEnd < begin))
            {
                truncated = sectionEnd < 0 && openerLength > 0;
                position = sectionEnd >= 0 ? sectionEnd + SectionEnd.Length : truncated ? completion.Length : position;
                break;
            }

            var end = completion.IndexOf(CallEnd, begin, StringComparison.Ordinal);
            if (end < 0)
            {
                truncated = true;
                position = completion.Length;
                break;
            }

            AddCall(completion[(begin + CallBegin.Length)..end], mode, calls, problems);
            position = end + CallEnd.Length;
        }

        var content = completion[..start] + completion[position..];
        return new ToolCallParseResult(content, calls, truncated, problems);
    }

    public IToolCallStreamParser CreateStreamParser(ParseMode mode) =>
        new MarkerStreamParser(this, mode, mode == ParseMode.Lenient ? [SectionBegin, CallBegin] : [SectionBegin]);

    private static void AddCall(string body, ParseMode mode, List<ParsedToolCall> calls, List<string> problems)
    {
        var lenient = mode == ParseMode.Lenient;
        var separator = body.IndexOf(Separator, StringComparison.Ordinal);
        var newline = separator < 0 ? -1 : body.IndexOf('\n', separator);
        if (separator < 0 || (newline < 0 && !lenient))
        {
            problems.Add("tool call without <｜tool▁sep｜>NAME and a newline; call dropped");
            return;
        }

        var type = body[..separator];
        var name = (newline < 0 ? body[(separator + Separator.Length)..] : body[(separator + Separator.Length)..newline]);
        var arguments = newline < 0 ? string.Empty : body[(newline + 1)..];
        if (lenient)
        {
            (type, name, arguments) = (type.Trim(), name.Trim(), Unfence(arguments.Trim()));
        }
        else if (type != "function" || !arguments.StartsWith(FenceOpen, StringComparison.Ordinal) || !arguments.EndsWith(FenceClose, StringComparison.Ordinal)
                 || arguments.Length < FenceOpen.Length + FenceClose.Length)
        {
            problems.Add($"tool call \"{name}\" is not function<｜tool▁sep｜>NAME\\n```json\\n…\\n```; call dropped");
            return;
        }
        else
        {
            arguments = arguments[FenceOpen.Length..^FenceClose.Length];
        }

        if (name.Length == 0)
        {
            problems.Add("tool call without a name; call dropped");
            return;
        }

        if (!JsonScan.IsObject(arguments))
        {
            problems.Add($"arguments of \"{name}\" are not a JSON object{(lenient ? " (kept as written)" : "; call dropped")}");
            if (!lenient)
            {
                return;
            }

            arguments = arguments.Length == 0 ? "{}" : arguments;
        }

        calls.Add(new ParsedToolCall($"call_{calls.Count}", name, arguments));
    }

    private static string Unfence(string text)
    {
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            var firstLine = text.IndexOf('\n', StringComparison.Ordinal);
            text = firstLine < 0 ? text[3..] : text[(firstLine + 1)..];
        }

        return (text.EndsWith("```", StringComparison.Ordinal) ? text[..^3] : text).Trim();
    }
}
