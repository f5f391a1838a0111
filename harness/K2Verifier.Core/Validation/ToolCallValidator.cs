using System.Text.Json;
using K2Verifier.Normalization;
using K2Verifier.Preparation;

namespace K2Verifier.Validation;

/// <summary>
/// K2VV's tool-call verdict: when finish_reason is <c>tool_calls</c>, the list is valid iff it is non-empty and every
/// call names a declared tool whose <c>parameters</c> its arguments (a JSON string or an object) satisfy. Unlike K2VV,
/// a tool declared with <c>"parameters": {}</c> or none accepts any arguments, as an empty schema does.
/// </summary>
public sealed class ToolCallValidator
{
    private static readonly JsonElement EmptySchema = JsonDocument.Parse("{}").RootElement.Clone();
    private readonly IJsonSchemaValidator _schemaValidator;

    public ToolCallValidator(IJsonSchemaValidator schemaValidator)
    {
        ArgumentNullException.ThrowIfNull(schemaValidator);
        _schemaValidator = schemaValidator;
    }

    /// <summary>Judges the tool calls of one response against the tools its request declared.</summary>
    public ValidationOutcome Validate(string? finishReason, IReadOnlyList<NormalizedToolCall>? toolCalls, IReadOnlyList<ToolDeclaration> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        if (finishReason != "tool_calls")
        {
            return ValidationOutcome.NotJudged;
        }

        if (toolCalls is null || toolCalls.Count == 0)
        {
            return new ValidationOutcome(false, [new ToolCallCheck(0, null, false, ToolCallErrorCategory.EmptyToolCalls, Message: "finish_reason is tool_calls but there are no tool calls")]);
        }

        Results.ResultsDiagnostics.ToolCallsJudged(toolCalls.Count);
        var checks = toolCalls.Select(call => Check(call, tools)).ToList();
        return new ValidationOutcome(checks.TrueForAll(c => c.Valid), checks);
    }

    private ToolCallCheck Check(NormalizedToolCall call, IReadOnlyList<ToolDeclaration> tools)
    {
        var tool = call.Name is null ? null : tools.FirstOrDefault(t => t.Name == call.Name);
        if (tool is null)
        {
            return Invalid(call, ToolCallErrorCategory.UndeclaredTool, $"tool '{call.Name}' is not declared in the request");
        }

        if (call.Arguments is not { } arguments)
        {
            return Invalid(call, ToolCallErrorCategory.ArgumentsNotJson, "the call has no arguments");
        }

        if (arguments.ValueKind != JsonValueKind.String)
        {
            return CheckSchema(call, tool, arguments);
        }

        // As K2VV's json.loads reads them: NaN/Infinity and deep nesting accepted (flagged by the wire checks).
        var parsed = K2Verifier.Json.PythonJsonLoads.Parse(arguments.GetString()!, out _, out _, out var error);
        if (parsed is null)
        {
            return Invalid(call, ToolCallErrorCategory.ArgumentsNotJson, $"arguments are not JSON: {error}");
        }

        using (parsed)
        {
            return CheckSchema(call, tool, parsed.RootElement);
        }
    }

    private ToolCallCheck CheckSchema(NormalizedToolCall call, ToolDeclaration tool, JsonElement instance)
    {
        var result = _schemaValidator.Validate(tool.Parameters ?? EmptySchema, instance);
        if (result.IsValid)
        {
            return new ToolCallCheck(call.Index, call.Name, true);
        }

        var first = result.Errors.Count > 0 ? result.Errors[0] : null;
        var category = result.Verdict == SchemaVerdict.InvalidSchema ? ToolCallErrorCategory.InvalidSchema : ToolCallErrorCategory.SchemaViolation;
        return new ToolCallCheck(call.Index, call.Name, false, category, first?.InstanceLocation, first?.Keyword, first?.Message ?? category);
    }

    private static ToolCallCheck Invalid(NormalizedToolCall call, string category, string message) =>
        new(call.Index, call.Name, false, category, Message: message);
}
