namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>Parses a completion as it streams; <see cref="Finish"/> equals parsing the whole text at once.</summary>
public interface IToolCallStreamParser
{
    /// <summary>Adds the next chunk of the completion and returns what it settled.</summary>
    ToolCallStreamUpdate Push(string chunk);

    /// <summary>Ends the stream: the same result as <see cref="IToolCallFormat.Parse"/> on the concatenated chunks.</summary>
    ToolCallParseResult Finish();
}
