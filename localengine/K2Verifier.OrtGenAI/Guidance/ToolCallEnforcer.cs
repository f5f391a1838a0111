using K2Verifier.OrtGenAI.Engine;

namespace K2Verifier.OrtGenAI.Guidance;

/// <summary>
/// The Enforcer (<c>--enforce</c>): the guidance for one request, built from its declared tools and
/// <c>tool_choice</c>, in the model's native tool-call format (<c>kimi-k2</c>, <c>hermes</c> (alias <c>qwen</c>),
/// <c>deepseek-v3</c>, <c>llama3-json</c>, the names of the tool-call format registry). Only declared tools can be
/// called, arguments satisfy each tool's (bounded) JSON Schema, and free text appears only where the format and the
/// choice allow it:
/// <list type="bullet">
/// <item><c>none</c> (or no tools): free text only, which cannot contain the format's call markers;</item>
/// <item><c>auto</c>: free text, or calls (preceded by free text where the format allows content before calls);</item>
/// <item><c>required</c>: one to <see cref="ToolCallGrammarOptions.MaxCalls"/> calls and nothing else;</item>
/// <item>a named function: exactly one call to it and nothing else.</item>
/// </list>
/// Everything is bounded (text length, call count, strings, numbers, arrays), so decoding ends even on random weights.
/// Markers listed in <see cref="ToolCallGrammarOptions.SpecialTokens"/> are written as tokens, the rest as text.
/// </summary>
public static class ToolCallEnforcer
{
    /// <summary>The format names the Enforcer knows, in the registry's order.</summary>
    public static IReadOnlyList<string> FormatNames => ToolCallSyntaxes.Names;

    /// <summary>
    /// The guidance for a request (a Lark grammar). Never null here: every choice constrains something (the type stays
    /// nullable so callers treat "no guidance" uniformly).
    /// </summary>
    /// <param name="toolFormat">The tool-call format's registry name.</param>
    /// <param name="tools">The request's declared tools (a repeated name keeps its first declaration).</param>
    /// <param name="choice">The request's <c>tool_choice</c>.</param>
    /// <param name="options">Bounds for free text, calls, strings, numbers and arrays; the special tokens present.</param>
    /// <exception cref="ArgumentException">
    /// The format is unknown (the message lists the known names), the choice names an undeclared function, or the
    /// choice is <c>required</c> with no tools declared.
    /// </exception>
    public static GenerationGuidance? Build(string toolFormat, IReadOnlyList<ToolDefinition> tools, ToolChoice choice, ToolCallGrammarOptions? options = null)
    {
        options ??= new ToolCallGrammarOptions();
        var (syntax, callable) = Resolve(toolFormat, tools, choice, options);
        return GenerationGuidance.LarkGrammar(EnforcerGrammar.Build(syntax, callable, choice.Mode, options)) with
        {
            EnableFastForward = options.FastForward,
            MaxForcedRunBytes = ForcedRunBound.Of(syntax, choice.Mode == ToolChoiceMode.None ? [] : callable, options),
        };
    }

    /// <summary>The Lark grammar text <see cref="Build"/> wraps (for inspection and tests).</summary>
    /// <inheritdoc cref="Build" path="/param"/>
    /// <exception cref="ArgumentException">As for <see cref="Build"/>.</exception>
    public static string BuildGrammar(string toolFormat, IReadOnlyList<ToolDefinition> tools, ToolChoice choice, ToolCallGrammarOptions? options = null)
    {
        options ??= new ToolCallGrammarOptions();
        var (syntax, callable) = Resolve(toolFormat, tools, choice, options);
        return EnforcerGrammar.Build(syntax, callable, choice.Mode, options);
    }

    private static (ToolCallSyntax Syntax, IReadOnlyList<ToolDefinition> Callable) Resolve(string toolFormat, IReadOnlyList<ToolDefinition> tools, ToolChoice choice, ToolCallGrammarOptions options)
    {
        ArgumentNullException.ThrowIfNull(toolFormat);
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxCalls, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTextTokens, 1, nameof(options));

        var syntax = ToolCallSyntaxes.Get(toolFormat);
        var declared = tools.DistinctBy(t => t.Name, StringComparer.Ordinal).ToList();
        IReadOnlyList<ToolDefinition> callable = choice.Mode switch
        {
            ToolChoiceMode.Function => [declared.FirstOrDefault(t => t.Name == choice.FunctionName)
                ?? throw new ArgumentException($"tool_choice names {choice.FunctionName}, which is not declared (declared: {string.Join(", ", declared.Select(t => t.Name))})", nameof(choice))],
            ToolChoiceMode.Required when declared.Count == 0 => throw new ArgumentException("tool_choice is required but no tools are declared", nameof(choice)),
            _ => declared,
        };
        return (syntax, callable);
    }
}
