using K2Verifier.Results;

namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>A completion as a chat message after <see cref="FinishReasonRule"/>.</summary>
/// <param name="Content">The message content (null when calls were parsed and no text is left).</param>
/// <param name="Calls">The tool calls (empty unless <paramref name="FinishReason"/> is <c>tool_calls</c>).</param>
/// <param name="FinishReason">The finish_reason the row reports.</param>
/// <param name="Parse">The format's own parse of the text.</param>
/// <param name="Report">What the parse changed, for the row's <c>parse</c> object.</param>
public sealed record ParsedCompletion(string? Content, IReadOnlyList<ParsedToolCall> Calls, string FinishReason, ToolCallParseResult Parse, ParseReport Report);
