namespace K2Verifier.Validation;

/// <summary>Why a tool call was judged invalid; the values are the snake_case names results.jsonl records.</summary>
public static class ToolCallErrorCategory
{
    /// <summary>finish_reason is <c>tool_calls</c> but the list is missing or empty.</summary>
    public const string EmptyToolCalls = "empty_tool_calls";

    /// <summary>The call names a tool the request did not declare.</summary>
    public const string UndeclaredTool = "undeclared_tool";

    /// <summary>The arguments are missing or are a string that is not JSON.</summary>
    public const string ArgumentsNotJson = "arguments_not_json";

    /// <summary>The arguments break the tool's <c>parameters</c> schema.</summary>
    public const string SchemaViolation = "schema_violation";

    /// <summary>The tool's <c>parameters</c> is not a valid JSON Schema, so no call to it can pass.</summary>
    public const string InvalidSchema = "invalid_schema";

    /// <summary>Every category, in report order.</summary>
    public static IReadOnlyList<string> All { get; } = [EmptyToolCalls, UndeclaredTool, ArgumentsNotJson, SchemaViolation, InvalidSchema];
}
