namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>A completion split into content and tool calls.</summary>
/// <param name="Content">The text the format counts as content (lenient: the engine's rule, e.g. the text before the
/// tool-call section; strict: the text before the first and after the last call), verbatim.</param>
/// <param name="Calls">The calls accepted in the parse mode, in order.</param>
/// <param name="Truncated">True when the text ended inside a call or an unclosed tool-call section.</param>
/// <param name="Problems">Why calls were rejected or repaired (empty when the completion followed the format).</param>
public sealed record ToolCallParseResult(string Content, IReadOnlyList<ParsedToolCall> Calls, bool Truncated, IReadOnlyList<string> Problems)
{
    /// <summary>
    /// Calls the text began and never ended (the output stopped before <c>&lt;|tool_call_end|&gt;</c> or the format's
    /// equivalent), whatever the parser then did with them. 0 by default.
    /// </summary>
    public int IncompleteCalls { get; init; }

    /// <summary>No call: the whole <paramref name="text"/> is content, nothing truncated, no problem.</summary>
    public static ToolCallParseResult ContentOnly(string text) => new(text, [], false, []);
}
