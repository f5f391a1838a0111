using K2Verifier.OrtGenAI.Engine;

namespace K2Verifier.OrtGenAI.Guidance;

/// <summary>
/// The Enforcer (<c>--enforce</c>): the guidance for one request, built from its declared tools and
/// <c>tool_choice</c>, in the model's native tool-call format (<c>kimi-k2</c>, <c>hermes</c>, <c>deepseek-v3</c>,
/// <c>llama3-json</c>, the names of the tool-call format registry).
/// </summary>
public static class ToolCallEnforcer
{
    /// <summary>
    /// The guidance for a request, or null when nothing constrains it.
    /// </summary>
    /// <param name="toolFormat">The tool-call format's registry name.</param>
    /// <param name="tools">The request's declared tools.</param>
    /// <param name="choice">The request's <c>tool_choice</c>.</param>
    /// <param name="options">Bounds for free strings, numbers and arrays.</param>
    /// <exception cref="ArgumentException">The format is unknown, or the choice names an undeclared function.</exception>
    public static GenerationGuidance? Build(string toolFormat, IReadOnlyList<ToolDefinition> tools, ToolChoice choice, ToolCallGrammarOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(toolFormat);
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(choice);

        // First cut, hermes only, required and named function only; auto, none and the other formats come next.
        if (toolFormat != "hermes")
        {
            throw new ArgumentException($"the Enforcer does not support the {toolFormat} format yet", nameof(toolFormat));
        }

        return choice.Mode switch
        {
            ToolChoiceMode.Required => ToolCallGrammar.Guidance(tools, options),
            ToolChoiceMode.Function => ToolCallGrammar.Guidance(
                [tools.FirstOrDefault(t => t.Name == choice.FunctionName) ?? throw new ArgumentException($"tool_choice names {choice.FunctionName}, which is not declared", nameof(choice))],
                options),
            _ => null,
        };
    }
}
