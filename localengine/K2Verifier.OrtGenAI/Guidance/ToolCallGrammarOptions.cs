namespace K2Verifier.OrtGenAI.Guidance;

/// <summary>
/// The wrapper a tool call is written in and the bounds that make every constrained generation finish: free strings,
/// numbers, arrays, free text and the number of calls are capped so even a random-weight model reaches the end of the
/// grammar within a known budget.
/// </summary>
public sealed record ToolCallGrammarOptions
{
    /// <summary>Text before the call's JSON (<see cref="ToolCallGrammar"/> only; the Enforcer writes each format's own markers). Default: <c>&lt;tool_call&gt;</c> (Hermes/Qwen style).</summary>
    public string Prefix { get; init; } = "<tool_call>";

    /// <summary>Text after the call's JSON (<see cref="ToolCallGrammar"/> only). Default: <c>&lt;/tool_call&gt;</c>.</summary>
    public string Suffix { get; init; } = "</tool_call>";

    /// <summary>The key holding the function name (<see cref="ToolCallGrammar"/> only). Default: <c>name</c>.</summary>
    public string NameKey { get; init; } = "name";

    /// <summary>The key holding the arguments object (<see cref="ToolCallGrammar"/> only). Default: <c>arguments</c>.</summary>
    public string ArgumentsKey { get; init; } = "arguments";

    /// <summary><c>maxLength</c> given to strings that have none (and no enum, const or pattern). Default: 24.</summary>
    public int MaxStringLength { get; init; } = 24;

    /// <summary>
    /// Digits allowed in numbers without bounds: <c>number</c> and <c>integer</c> become integers in
    /// ±(10^N − 1) (an integer is a valid JSON Schema number). Default: 6.
    /// </summary>
    public int MaxNumberDigits { get; init; } = 6;

    /// <summary><c>maxItems</c> given to arrays that have none. Default: 4.</summary>
    public int MaxArrayItems { get; init; } = 4;

    /// <summary>
    /// The most calls the Enforcer allows in one completion for <c>tool_choice</c> <c>auto</c> and <c>required</c>
    /// (a named function always gets exactly one; set 1 for <c>parallel_tool_calls: false</c>). Default: 3.
    /// </summary>
    public int MaxCalls { get; init; } = 3;

    /// <summary>
    /// The most tokens of free text (content) the Enforcer allows, where the format and <c>tool_choice</c> allow text
    /// at all. Keeps decoding finite on any model; callers serving a real model should set it from the request's
    /// <c>max_tokens</c>. Default: 256.
    /// </summary>
    public int MaxTextTokens { get; init; } = 256;

    /// <summary>
    /// The format's markers that are single special tokens in the model's tokenizer, with their ids (for example
    /// Kimi K2's <c>&lt;|tool_calls_section_begin|&gt;</c> → 163595). The Enforcer writes these markers as tokens
    /// (llguidance's <c>&lt;[id]&gt;</c>), so the model emits the token it was trained on, and every other marker as
    /// text. The caller fills it from the tokenizer (<c>tokenizer.json</c>'s <c>added_tokens</c>); with none known the
    /// markers are text, which is right for a tokenizer without them (such as the tiny test GPT-2). Default: empty.
    /// </summary>
    public IReadOnlyDictionary<string, int> SpecialTokens { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Whether the Enforcer's guidance lets GenAI append the tokens the grammar forces (markers, keys, tool names)
    /// without a sampling step each (<see cref="Engine.GenerationGuidance.EnableFastForward"/>). Forced tokens are
    /// then the tokenizer's canonical tokenization of the forced text. Default: true.
    /// </summary>
    public bool FastForward { get; init; } = true;
}
