using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using K2Verifier.OrtGenAI.Engine;

namespace K2Verifier.OrtGenAI.Guidance;

/// <summary>
/// Builds the Lark grammar (llguidance dialect, GenAI guidance type <c>lark_grammar</c>) that allows exactly one call
/// to one of the declared tools, written as <c>PREFIX{"name": "TOOL", "arguments": {…}}SUFFIX</c>, with arguments
/// valid against the tool's (bounded) JSON Schema. Groundwork for the Enforcer: <c>tool_choice: required</c> is this
/// grammar over every tool; a named function is this grammar over that tool alone.
/// </summary>
public static class ToolCallGrammar
{
    /// <summary>The grammar text.</summary>
    public static string Build(IReadOnlyList<ToolDefinition> tools, ToolCallGrammarOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tools);
        if (tools.Count == 0)
        {
            throw new ArgumentException("a tool-call grammar needs at least one tool", nameof(tools));
        }

        options ??= new ToolCallGrammarOptions();
        var grammar = new StringBuilder();
        grammar.Append("start: ").Append(LarkText.Literal(options.Prefix)).Append(" call ").Append(LarkText.Literal(options.Suffix)).Append('\n');
        grammar.Append("call: ").AppendJoin(" | ", tools.Select((_, i) => "call_" + i.ToString(CultureInfo.InvariantCulture))).Append('\n');
        for (var i = 0; i < tools.Count; i++)
        {
            grammar.Append(CultureInfo.InvariantCulture, $"call_{i}: %json ").Append(CallSchema(tools[i], options).ToJsonString()).Append('\n');
        }

        return grammar.ToString();
    }

    /// <summary>The grammar as GenAI guidance, ready for <see cref="GenerationOptions.Guidance"/>.</summary>
    public static GenerationGuidance Guidance(IReadOnlyList<ToolDefinition> tools, ToolCallGrammarOptions? options = null) =>
        GenerationGuidance.LarkGrammar(Build(tools, options));

    private static JsonObject CallSchema(ToolDefinition tool, ToolCallGrammarOptions options) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            [options.NameKey] = new JsonObject { ["const"] = tool.Name },
            [options.ArgumentsKey] = JsonSchemaBounds.Apply(tool.Parameters, options),
        },
        ["required"] = new JsonArray(options.NameKey, options.ArgumentsKey),
        ["additionalProperties"] = false,
        // Compact, fixed separators: flexible whitespace would let a random model emit spaces until max_tokens.
        ["x-guidance"] = new JsonObject
        {
            ["whitespace_flexible"] = false,
            ["item_separator"] = ", ",
            ["key_separator"] = ": ",
        },
    };
}
