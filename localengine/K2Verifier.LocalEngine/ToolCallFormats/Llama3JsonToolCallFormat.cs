using System.Text;

namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>
/// Llama 3.1 JSON tool calling: the completion is <c>{"name": …, "parameters": {…}}</c>, optionally after
/// <c>&lt;|python_tag|&gt;</c>, several calls separated by <c>;</c>. Strict mode wants the call at the start, a
/// <c>parameters</c> object and nothing after. Lenient mode parses as vLLM's llama3_json parser does, with SGLang's
/// recovery after a bad object (<see cref="ParseLikeEngine"/>). Ids are <c>call_N</c> by position. A completion whose
/// JSON is not a call stays content. The whole text decides, so the stream parser settles everything at <see cref="IToolCallStreamParser.Finish"/>.
/// </summary>
public sealed partial class Llama3JsonToolCallFormat : IToolCallFormat
{
    public const string PythonTag = "<|python_tag|>";

    private Llama3JsonToolCallFormat()
    {
    }

    /// <summary>The shared instance.</summary>
    public static Llama3JsonToolCallFormat Instance { get; } = new();

    public string Name => "llama3-json";

    public string Render(IReadOnlyList<ParsedToolCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var text = new StringBuilder();
        for (var i = 0; i < calls.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : "; ").Append("{\"name\": ")
                .Append(K2Verifier.Json.JsonText.Quote(calls[i].Name, readable: true))
                .Append(", \"parameters\": ").Append(calls[i].Arguments).Append('}');
        }

        return text.ToString();
    }

    public ToolCallParseResult Parse(string completion, ParseMode mode)
    {
        ArgumentNullException.ThrowIfNull(completion);
        if (mode == ParseMode.Lenient)
        {
            return ParseLikeEngine(completion);
        }

        var text = completion;
        var tag = text.IndexOf(PythonTag, StringComparison.Ordinal);
        var lead = text.Length - text.TrimStart().Length;
        int start;
        if (tag >= 0 && tag == lead)
        {
            start = tag + PythonTag.Length;
        }
        else if (lead < text.Length && text[lead] == '{')
        {
            start = lead;
        }
        else
        {
            return ToolCallParseResult.ContentOnly(completion);
        }

        var calls = new List<ParsedToolCall>();
        var problems = new List<string>();
        var position = start;
        var truncated = false;
        while (true)
        {
            position = SkipSpace(text, position);
            if (position >= text.Length || text[position] != '{')
            {
                break;
            }

            var end = JsonScan.FindContainerEnd(text, position);
            if (end < 0)
            {
                truncated = true;
                position = text.Length;
                break;
            }

            var (name, arguments, problem) = JsonScan.ReadNamedCall(text[position..end], "parameters");
            if (problem is not null)
            {
                problems.Add(problem);
                break;
            }

            calls.Add(new ParsedToolCall($"call_{calls.Count}", name!, arguments!));
            position = SkipSpace(text, end);
            if (position < text.Length && text[position] == ';')
            {
                position++;
            }
        }

        if (calls.Count == 0 && !truncated && tag < 0)
        {
            return ToolCallParseResult.ContentOnly(completion);
        }

        var rest = text[position..];
        if (rest.Trim().Length > 0)
        {
            problems.Add("text after the tool calls");
        }

        return new ToolCallParseResult(text[..(tag >= 0 && start == tag + PythonTag.Length ? tag : start)] + rest, calls, truncated, problems) { IncompleteCalls = truncated ? 1 : 0 };
    }

    public IToolCallStreamParser CreateStreamParser(ParseMode mode) => new MarkerStreamParser(this, mode, [PythonTag, "{"], incremental: false);

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
