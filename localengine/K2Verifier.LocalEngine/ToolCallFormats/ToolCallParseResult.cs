namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>A completion split into content and tool calls.</summary>
/// <param name="Content">The text outside the calls (before the first and after the last), verbatim.</param>
/// <param name="Calls">The calls accepted in the parse mode, in order.</param>
/// <param name="Truncated">True when the text ended inside a call or an unclosed tool-call section.</param>
/// <param name="Problems">Why calls were rejected or repaired (empty when the completion followed the format).</param>
public sealed record ToolCallParseResult(string Content, IReadOnlyList<ParsedToolCall> Calls, bool Truncated, IReadOnlyList<string> Problems);
