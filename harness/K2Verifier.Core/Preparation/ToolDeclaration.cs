using System.Text.Json;

namespace K2Verifier.Preparation;

/// <summary>A tool declared in a request: its function name and its <c>parameters</c> schema (null when absent).</summary>
public sealed record ToolDeclaration(string Name, JsonElement? Parameters);
