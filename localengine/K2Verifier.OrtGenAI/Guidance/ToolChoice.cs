using System.Text.Json.Nodes;

namespace K2Verifier.OrtGenAI.Guidance;

/// <summary>What a request's <c>tool_choice</c> allows.</summary>
public enum ToolChoiceMode
{
    /// <summary>Text, calls, or both (<c>"auto"</c>, or no <c>tool_choice</c> when tools are declared).</summary>
    Auto,

    /// <summary>Text only (<c>"none"</c>, or no tools declared).</summary>
    None,

    /// <summary>At least one call (<c>"required"</c>).</summary>
    Required,

    /// <summary>A call to one named function (<c>{"type": "function", "function": {"name": …}}</c>).</summary>
    Function,
}

/// <summary>A request's <c>tool_choice</c>, read as OpenAI defines it.</summary>
/// <param name="Mode">What is allowed.</param>
/// <param name="FunctionName">The forced function for <see cref="ToolChoiceMode.Function"/>; otherwise null.</param>
public sealed record ToolChoice(ToolChoiceMode Mode, string? FunctionName = null)
{
    /// <summary><c>auto</c>.</summary>
    public static ToolChoice Auto { get; } = new(ToolChoiceMode.Auto);

    /// <summary><c>none</c>.</summary>
    public static ToolChoice None { get; } = new(ToolChoiceMode.None);

    /// <summary><c>required</c>.</summary>
    public static ToolChoice Required { get; } = new(ToolChoiceMode.Required);

    /// <summary>A named function.</summary>
    public static ToolChoice Function(string name) => new(ToolChoiceMode.Function, name);

    /// <summary>
    /// Reads <paramref name="toolChoice"/> (a request body's <c>tool_choice</c>, possibly absent). Absent means
    /// <c>auto</c> when <paramref name="hasTools"/>, else <c>none</c>, as OpenAI documents.
    /// </summary>
    /// <exception cref="FormatException">The value is not one OpenAI defines (the message says what it was).</exception>
    public static ToolChoice Parse(JsonNode? toolChoice, bool hasTools)
    {
        switch (toolChoice)
        {
            case null:
                return hasTools ? Auto : None;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return text switch
                {
                    "auto" => Auto,
                    "none" => None,
                    "required" => Required,
                    _ => throw new FormatException($"tool_choice \"{text}\" is not auto, none, required or a function"),
                };
            case JsonObject obj when obj["function"] is JsonObject function
                && function["name"] is JsonValue name && name.TryGetValue<string>(out var functionName) && functionName.Length > 0:
                return Function(functionName);
            default:
                throw new FormatException($"tool_choice {toolChoice.ToJsonString()} is not auto, none, required or {{\"type\": \"function\", \"function\": {{\"name\": …}}}}");
        }
    }
}
