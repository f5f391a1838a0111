namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>One tool call as the model wrote it.</summary>
/// <param name="Id">The call id: the model's own (Kimi K2) or <c>call_N</c> by position for formats without ids.</param>
/// <param name="Name">The function name.</param>
/// <param name="Arguments">The arguments as JSON text, verbatim from the completion.</param>
public sealed record ParsedToolCall(string Id, string Name, string Arguments);
