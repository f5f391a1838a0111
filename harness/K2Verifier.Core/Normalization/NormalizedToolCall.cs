using System.Text.Json;

namespace K2Verifier.Normalization;

/// <summary>One tool call as the response gave it.</summary>
/// <param name="Index">Position in the response's tool_calls list.</param>
/// <param name="Id">The call id (e.g. <c>functions.search:0</c>), when given.</param>
/// <param name="Name">The function name, when given.</param>
/// <param name="Arguments">The arguments as sent: a JSON string to parse, an object, or null when absent.</param>
public sealed record NormalizedToolCall(int Index, string? Id, string? Name, JsonElement? Arguments);
