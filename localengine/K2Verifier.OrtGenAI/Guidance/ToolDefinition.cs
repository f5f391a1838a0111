using System.Text.Json.Nodes;

namespace K2Verifier.OrtGenAI.Guidance;

/// <summary>A declared tool: its name and the JSON Schema of its arguments (a request's <c>tools[i].function</c>).</summary>
/// <param name="Name">The function name.</param>
/// <param name="Parameters">The arguments' JSON Schema; null or <c>{}</c> accepts any object.</param>
public sealed record ToolDefinition(string Name, JsonObject? Parameters);
