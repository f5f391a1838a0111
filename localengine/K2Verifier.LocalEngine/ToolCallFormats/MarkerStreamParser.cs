using System.Text;

namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>
/// The stream parser of the marker-delimited formats. Content before the first call marker is released as soon as
/// it cannot be the start of a marker; calls are released when their end marker arrives (every marker ends with
/// <c>&gt;</c>, so the text is re-parsed only when a chunk brings one). <see cref="Finish"/> parses the whole text.
/// </summary>
internal sealed class MarkerStreamParser : IToolCallStreamParser
{
    private readonly IToolCallFormat _format;
    private readonly ParseMode _mode;
    private readonly string[] _startMarkers;
    private readonly bool _incremental;
    private readonly bool _releaseCalls;
    private readonly StringBuilder _buffer = new();
    private int _contentReleased;
    private int _callsReleased;
    private bool _sectionStarted;

    /// <summary>
    /// With <paramref name="incremental"/> false (Llama's bare JSON, read as a whole) only Finish settles anything; with
    /// <paramref name="releaseCalls"/> false content is released as it comes but calls only at Finish (a later bad block
    /// can still undo them, as in vLLM's hermes parser).
    /// </summary>
    public MarkerStreamParser(IToolCallFormat format, ParseMode mode, string[] startMarkers, bool incremental = true, bool releaseCalls = true)
    {
        _releaseCalls = releaseCalls;
        _format = format;
        _mode = mode;
        _startMarkers = startMarkers;
        _incremental = incremental;
    }

    public ToolCallStreamUpdate Push(string chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        _buffer.Append(chunk);
        if (!_incremental || chunk.Length == 0)
        {
            return ToolCallStreamUpdate.Empty;
        }

        var text = _buffer.ToString();
        var content = ReleaseContent(text);
        IReadOnlyList<ParsedToolCall> calls = [];
        if (_releaseCalls && _sectionStarted && chunk.Contains('>', StringComparison.Ordinal))
        {
            // While the text is truncated its last call may still change; it is settled by a later chunk or by Finish.
            var parsed = _format.Parse(text, _mode);
            var settled = parsed.Truncated ? parsed.Calls.Count - 1 : parsed.Calls.Count;
            calls = [.. parsed.Calls.Take(settled).Skip(_callsReleased)];
            _callsReleased = Math.Max(_callsReleased, settled);
        }

        return content.Length == 0 && calls.Count == 0 ? ToolCallStreamUpdate.Empty : new ToolCallStreamUpdate(content, calls);
    }

    public ToolCallParseResult Finish() => _format.Parse(_buffer.ToString(), _mode);

    private string ReleaseContent(string text)
    {
        if (_sectionStarted)
        {
            return string.Empty;
        }

        var safe = text.Length;
        foreach (var marker in _startMarkers)
        {
            var index = text.IndexOf(marker, _contentReleased, StringComparison.Ordinal);
            if (index >= 0)
            {
                _sectionStarted = true;
                safe = Math.Min(safe, index);
            }
        }

        if (!_sectionStarted)
        {
            // Hold back a suffix that could grow into a marker.
            foreach (var marker in _startMarkers)
            {
                for (var length = Math.Min(marker.Length - 1, text.Length); length > 0; length--)
                {
                    if (text.AsSpan(text.Length - length).SequenceEqual(marker.AsSpan(0, length)))
                    {
                        safe = Math.Min(safe, text.Length - length);
                        break;
                    }
                }
            }
        }

        var released = text[_contentReleased..safe];
        _contentReleased = safe;
        return released;
    }
}
