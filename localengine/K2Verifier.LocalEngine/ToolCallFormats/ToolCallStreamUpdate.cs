namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>What one streamed chunk settled: content that can no longer become part of a call, and calls completed.</summary>
/// <param name="ContentDelta">New content before the first tool call (a possible marker prefix is held back).</param>
/// <param name="CompletedCalls">Calls whose end marker arrived with this chunk.</param>
public sealed record ToolCallStreamUpdate(string ContentDelta, IReadOnlyList<ParsedToolCall> CompletedCalls)
{
    /// <summary>Nothing settled.</summary>
    public static ToolCallStreamUpdate Empty { get; } = new(string.Empty, []);
}
