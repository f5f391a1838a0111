namespace K2Verifier.OrtGenAI.Guidance;

/// <summary>
/// The wrapper a tool call is written in and the bounds that make every constrained generation finish: free strings,
/// numbers and arrays are capped so even a random-weight model reaches the end of the grammar within a known budget.
/// </summary>
public sealed record ToolCallGrammarOptions
{
    /// <summary>Text before the call's JSON. Default: <c>&lt;tool_call&gt;</c> (Hermes/Qwen style).</summary>
    public string Prefix { get; init; } = "<tool_call>";

    /// <summary>Text after the call's JSON. Default: <c>&lt;/tool_call&gt;</c>.</summary>
    public string Suffix { get; init; } = "</tool_call>";

    /// <summary>The key holding the function name. Default: <c>name</c>.</summary>
    public string NameKey { get; init; } = "name";

    /// <summary>The key holding the arguments object. Default: <c>arguments</c>.</summary>
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
}
