namespace K2Verifier.OrtGenAI.Guidance;

/// <summary>
/// The call syntax of each tool-call format, by the names of LocalEngine's tool-call format registry (described here,
/// not referenced, so this project stays independent of it; tests parse the Enforcer's output with those parsers).
/// </summary>
internal static class ToolCallSyntaxes
{
    /// <summary>Kimi K2: <c>&lt;|tool_calls_section_begin|&gt;&lt;|tool_call_begin|&gt;functions.NAME:IDX&lt;|tool_call_argument_begin|&gt;{…}&lt;|tool_call_end|&gt;…&lt;|tool_calls_section_end|&gt;</c>.</summary>
    public static ToolCallSyntax KimiK2 { get; } = new()
    {
        Name = "kimi-k2",
        SectionBegin = "<|tool_calls_section_begin|>",
        SectionEnd = "<|tool_calls_section_end|>",
        CallBegin = "<|tool_call_begin|>",
        CallBody =
        [
            SyntaxPart.Literal("functions."), new(SyntaxPartKind.RawName), SyntaxPart.Literal(":"), new(SyntaxPartKind.CallIndex),
            SyntaxPart.Marker("<|tool_call_argument_begin|>"), new(SyntaxPartKind.Arguments), SyntaxPart.Marker("<|tool_call_end|>"),
        ],
        // Every Kimi marker (and the singular section markers lenient parsers accept) starts with this.
        TextMustNotContain = ["<|tool_call"],
    };

    /// <summary>Hermes / Qwen3: <c>&lt;tool_call&gt;\n{"name": …, "arguments": {…}}\n&lt;/tool_call&gt;</c>, calls separated by a newline.</summary>
    public static ToolCallSyntax Hermes { get; } = new()
    {
        Name = "hermes",
        CallBegin = "<tool_call>",
        CallBody =
        [
            SyntaxPart.Literal("\n{\"name\": "), new(SyntaxPartKind.JsonName), SyntaxPart.Literal(", \"arguments\": "),
            new(SyntaxPartKind.Arguments), SyntaxPart.Literal("}\n"), SyntaxPart.Marker("</tool_call>"),
        ],
        CallSeparator = "\n",
        TextMustNotContain = ["<tool_call>", "</tool_call>"],
    };

    /// <summary>DeepSeek V3: <c>&lt;｜tool▁calls▁begin｜&gt;&lt;｜tool▁call▁begin｜&gt;function&lt;｜tool▁sep｜&gt;NAME\n```json\n{…}\n```&lt;｜tool▁call▁end｜&gt;…&lt;｜tool▁calls▁end｜&gt;</c>.</summary>
    public static ToolCallSyntax DeepSeekV3 { get; } = new()
    {
        Name = "deepseek-v3",
        SectionBegin = "<｜tool▁calls▁begin｜>",
        SectionEnd = "<｜tool▁calls▁end｜>",
        CallBegin = "<｜tool▁call▁begin｜>",
        CallBody =
        [
            SyntaxPart.Literal("function"), SyntaxPart.Marker("<｜tool▁sep｜>"), new(SyntaxPartKind.RawName), SyntaxPart.Literal("\n```json\n"),
            new(SyntaxPartKind.Arguments), SyntaxPart.Literal("\n```"), SyntaxPart.Marker("<｜tool▁call▁end｜>"),
        ],
        CallSeparator = "\n",
        TextMustNotContain = ["<｜tool▁"],
    };

    /// <summary>
    /// Llama 3.1 JSON: <c>{"name": …, "parameters": {…}}</c> at the start of the completion, calls separated by <c>; </c>
    /// (written without <c>&lt;|python_tag|&gt;</c>, as Llama emits calls to custom tools). Text and calls do not mix.
    /// </summary>
    public static ToolCallSyntax Llama3Json { get; } = new()
    {
        Name = "llama3-json",
        CallBody =
        [
            SyntaxPart.Literal("{\"name\": "), new(SyntaxPartKind.JsonName), SyntaxPart.Literal(", \"parameters\": "),
            new(SyntaxPartKind.Arguments), SyntaxPart.Literal("}"),
        ],
        CallSeparator = "; ",
        TextMustNotContain = ["<|python_tag|>"],
        TextMustNotStartWith = @"\s*\{",
    };

    /// <summary>Every syntax, in the registry's order.</summary>
    public static IReadOnlyList<ToolCallSyntax> All { get; } = [KimiK2, Hermes, DeepSeekV3, Llama3Json];

    /// <summary>The names the Enforcer knows (<c>qwen</c> is accepted as an alias of <c>hermes</c>).</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(s => s.Name)];

    /// <summary>The syntax called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such format; the message lists the known names.</exception>
    public static ToolCallSyntax Get(string name)
    {
        var key = name.Equals("qwen", StringComparison.OrdinalIgnoreCase) ? Hermes.Name : name;
        return All.FirstOrDefault(s => s.Name.Equals(key, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"tool-call format \"{name}\" is unknown to the Enforcer. Valid values: {string.Join(", ", Names)}.", nameof(name));
    }
}
