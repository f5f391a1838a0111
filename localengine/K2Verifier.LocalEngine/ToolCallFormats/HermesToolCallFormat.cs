using System.Text;

namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>
/// Hermes and Qwen: <c>&lt;tool_call&gt;\n{"name": …, "arguments": {…}}\n&lt;/tool_call&gt;</c>, one block per call, as the
/// Qwen3 chat template renders them. Strict mode wants a closed block holding an object with a <c>name</c> string
/// and an <c>arguments</c> object. Lenient mode parses as vLLM's hermes parser does (<see cref="ParseLikeEngine"/>).
/// Ids are <c>call_N</c> by position.
/// </summary>
public sealed partial class HermesToolCallFormat : IToolCallFormat
{
    public const string CallBegin = "<tool_call>";
    public const string CallEnd = "</tool_call>";

    private HermesToolCallFormat()
    {
    }

    /// <summary>The shared instance.</summary>
    public static HermesToolCallFormat Instance { get; } = new();

    public string Name => "hermes";

    public string Render(IReadOnlyList<ParsedToolCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var text = new StringBuilder();
        for (var i = 0; i < calls.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : "\n").Append(CallBegin).Append("\n{\"name\": ")
                .Append(K2Verifier.Json.JsonText.Quote(calls[i].Name, readable: true))
                .Append(", \"arguments\": ").Append(calls[i].Arguments).Append("}\n").Append(CallEnd);
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

        var first = completion.IndexOf(CallBegin, StringComparison.Ordinal);
        if (first < 0)
        {
            return ToolCallParseResult.ContentOnly(completion);
        }

        var calls = new List<ParsedToolCall>();
        var problems = new List<string>();
        var truncated = false;
        var incomplete = 0;
        var position = first;
        var afterLast = first;
        while (position >= 0)
        {
            var bodyStart = position + CallBegin.Length;
            var end = completion.IndexOf(CallEnd, bodyStart, StringComparison.Ordinal);
            var next = completion.IndexOf(CallBegin, bodyStart, StringComparison.Ordinal);
            if (end < 0 || (next >= 0 && next < end))
            {
                // An unclosed block: the text ended (or another block began) inside the call.
                truncated |= next < 0;
                incomplete++;
                problems.Add("unclosed <tool_call> block; call dropped");

                afterLast = next >= 0 ? next : completion.Length;
                position = next;
                continue;
            }

            AddCall(completion[bodyStart..end], calls, problems);
            afterLast = end + CallEnd.Length;
            next = completion.IndexOf(CallBegin, afterLast, StringComparison.Ordinal);
            if (next >= 0 && !string.IsNullOrWhiteSpace(completion[afterLast..next]))
            {
                problems.Add("text between tool calls ignored");
            }

            position = next;
        }

        return new ToolCallParseResult(completion[..first] + completion[afterLast..], calls, truncated, problems) { IncompleteCalls = incomplete };
    }

    public IToolCallStreamParser CreateStreamParser(ParseMode mode) => new MarkerStreamParser(this, mode, [CallBegin], releaseCalls: mode == ParseMode.Strict);

    private static void AddCall(string body, List<ParsedToolCall> calls, List<string> problems)
    {
        var (name, arguments, problem) = JsonScan.ReadNamedCall(body.Trim(), "arguments");
        if (problem is not null)
        {
            problems.Add(problem + "; call dropped");
            return;
        }

        calls.Add(new ParsedToolCall($"call_{calls.Count}", name!, arguments!));
    }
}
