namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>
/// A model family's tool-call syntax: how calls are written into a completion and read back from one. Implementations
/// are stateless and thread-safe; get them from <see cref="ToolCallFormatRegistry"/>.
/// </summary>
public interface IToolCallFormat
{
    /// <summary>The registry name (<c>kimi-k2</c>, <c>hermes</c>, <c>deepseek-v3</c>, <c>llama3-json</c>).</summary>
    string Name { get; }

    /// <summary>The text a model of this family emits for <paramref name="calls"/> (no content around them).</summary>
    string Render(IReadOnlyList<ParsedToolCall> calls);

    /// <summary>Splits a whole completion into content and calls.</summary>
    ToolCallParseResult Parse(string completion, ParseMode mode);

    /// <summary>An incremental parser for a streamed completion.</summary>
    IToolCallStreamParser CreateStreamParser(ParseMode mode);
}
