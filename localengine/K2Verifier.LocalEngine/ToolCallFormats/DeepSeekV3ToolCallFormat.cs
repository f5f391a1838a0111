using System.Text;

namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>
/// DeepSeek V3, with the exact tokens of its chat template:
/// <c>&lt;｜tool▁calls▁begin｜&gt;&lt;｜tool▁call▁begin｜&gt;function&lt;｜tool▁sep｜&gt;NAME\n```json\n{…}\n```&lt;｜tool▁call▁end｜&gt;</c>, calls
/// separated by a newline, then <c>&lt;｜tool▁calls▁end｜&gt;</c>. Strict mode wants type <c>function</c>, the
/// <c>```json</c> fence and JSON-object arguments; lenient mode parses as vLLM's DeepSeek V3 parser does (<see cref="ParseLikeEngine"/>).
/// </summary>
public sealed partial class DeepSeekV3ToolCallFormat : IToolCallFormat
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
        if (mode == ParseMode.Lenient)
        {
            return ParseLikeEngine(completion);
        }

        var start = completion.IndexOf(SectionBegin, StringComparison.Ordinal);
        if (start < 0)
        {
            return ToolCallParseResult.ContentOnly(completion);
        }

        var calls = new List<ParsedToolCall>();
        var problems = new List<string>();
        var position = start + SectionBegin.Length;
        var truncated = false;
        var incomplete = 0;
        while (true)
        {
            var begin = completion.IndexOf(CallBegin, position, StringComparison.Ordinal);
            var sectionEnd = completion.IndexOf(SectionEnd, position, StringComparison.Ordinal);
            if (begin < 0 || (sectionEnd >= 0 && sectionEnd < begin))
            {
                truncated = sectionEnd < 0;
                position = truncated ? completion.Length : sectionEnd + SectionEnd.Length;
                break;
            }

            var end = completion.IndexOf(CallEnd, begin, StringComparison.Ordinal);
            if (end < 0)
            {
                truncated = true;
                incomplete = 1;
                position = completion.Length;
                break;
            }

            AddStrictCall(completion[(begin + CallBegin.Length)..end], calls, problems);
            position = end + CallEnd.Length;
        }

        var content = completion[..start] + completion[position..];
        return new ToolCallParseResult(content, calls, truncated, problems) { IncompleteCalls = incomplete };
    }

    public IToolCallStreamParser CreateStreamParser(ParseMode mode) => new MarkerStreamParser(this, mode, [SectionBegin]);

    private static void AddStrictCall(string body, List<ParsedToolCall> calls, List<string> problems)
    {
        var separator = body.IndexOf(Separator, StringComparison.Ordinal);
        var newline = separator < 0 ? -1 : body.IndexOf('\n', separator);
        if (separator < 0 || newline < 0)
        {
            problems.Add("tool call without <｜tool▁sep｜>NAME and a newline; call dropped");
            return;
        }

        var type = body[..separator];
        var name = body[(separator + Separator.Length)..newline];
        var arguments = body[(newline + 1)..];
        if (type != "function" || !arguments.StartsWith(FenceOpen, StringComparison.Ordinal) || !arguments.EndsWith(FenceClose, StringComparison.Ordinal)
            || arguments.Length < FenceOpen.Length + FenceClose.Length)
        {
            problems.Add($"tool call \"{name}\" is not function<｜tool▁sep｜>NAME\\n```json\\n…\\n```; call dropped");
            return;
        }

        arguments = arguments[FenceOpen.Length..^FenceClose.Length];
        if (name.Length == 0)
        {
            problems.Add("tool call without a name; call dropped");
        }
        else if (!JsonScan.IsObject(arguments))
        {
            problems.Add($"arguments of \"{name}\" are not a JSON object; call dropped");
        }
        else
        {
            calls.Add(new ParsedToolCall($"call_{calls.Count}", name, arguments));
        }
    }
}
