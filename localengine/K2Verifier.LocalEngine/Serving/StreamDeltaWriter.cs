using System.Text.Json.Nodes;
using K2Verifier.LocalEngine.ToolCallFormats;

namespace K2Verifier.LocalEngine.Serving;

/// <summary>
/// Writes a parsed completion as a vendor streams it, piece by piece: content deltas as the generated text covers the
/// content, then per tool call a first chunk with index, id, type and name (empty arguments) once the text reaches the
/// call's arguments, and argument deltas as each piece covers them. Everything is decided by the whole-text parse
/// first, so the accumulated stream equals the non-streamed body (content, calls, arguments, finish_reason); what
/// cannot be placed in the text (arguments a parser decoded from a JSON string, content that is not a prefix of the
/// text) is sent after the last piece.
/// </summary>
internal sealed class StreamDeltaWriter
{
    private readonly SseChunkWriter _writer;
    private readonly string? _content;
    private readonly IReadOnlyList<ParsedToolCall> _calls;
    private readonly int _contentEnd;
    private readonly int[] _argumentStarts;
    private readonly bool[] _headerSent;
    private int _contentSent;
    private readonly int[] _argumentsSent;

    public StreamDeltaWriter(SseChunkWriter writer, string text, ParsedCompletion parsed)
    {
        _writer = writer;
        _content = parsed.Content;
        _calls = parsed.Calls;
        _contentEnd = _content is { Length: > 0 } c && text.StartsWith(c, StringComparison.Ordinal) ? c.Length : -1;
        _argumentStarts = new int[_calls.Count];
        _headerSent = new bool[_calls.Count];
        _argumentsSent = new int[_calls.Count];
        var cursor = Math.Max(_contentEnd, 0);
        for (var i = 0; i < _calls.Count; i++)
        {
            var start = text.IndexOf(_calls[i].Arguments, cursor, StringComparison.Ordinal);
            _argumentStarts[i] = start;
            cursor = start < 0 ? cursor : start + _calls[i].Arguments.Length;
        }
    }

    /// <summary>Sends what the text up to <paramref name="end"/> settles (the piece covered <c>[start, end)</c>); true when a delta was sent.</summary>
    public bool Piece(int start, int end)
    {
        var sent = false;
        if (_contentEnd > 0 && start < _contentEnd && _contentSent < _contentEnd)
        {
            var until = Math.Min(end, _contentEnd);
            if (until > _contentSent)
            {
                _writer.Delta(new JsonObject { ["content"] = _content![_contentSent..until] });
                _contentSent = until;
                sent = true;
            }
        }

        for (var i = 0; i < _calls.Count; i++)
        {
            var argumentStart = _argumentStarts[i];
            if (argumentStart < 0 || end <= argumentStart && !(end == argumentStart && _calls[i].Arguments.Length == 0))
            {
                continue;
            }

            sent |= Header(i);
            var until = Math.Min(end, argumentStart + _calls[i].Arguments.Length) - argumentStart;
            if (until > _argumentsSent[i])
            {
                Arguments(i, _calls[i].Arguments[_argumentsSent[i]..until]);
                _argumentsSent[i] = until;
                sent = true;
            }
        }

        return sent;
    }

    /// <summary>Sends what no piece placed; true when a delta was sent.</summary>
    public bool Rest()
    {
        var sent = false;
        if (_contentEnd < 0 && !string.IsNullOrEmpty(_content))
        {
            _writer.Delta(new JsonObject { ["content"] = _content });
            sent = true;
        }

        for (var i = 0; i < _calls.Count; i++)
        {
            sent |= Header(i);
            if (_argumentsSent[i] < _calls[i].Arguments.Length)
            {
                Arguments(i, _calls[i].Arguments[_argumentsSent[i]..]);
                _argumentsSent[i] = _calls[i].Arguments.Length;
                sent = true;
            }
        }

        return sent;
    }

    private bool Header(int i)
    {
        if (_headerSent[i])
        {
            return false;
        }

        _headerSent[i] = true;
        _writer.Delta(new JsonObject { ["tool_calls"] = new JsonArray(SseChunkWriter.ToolCall(_calls[i] with { Arguments = string.Empty }, i)) });
        return true;
    }

    private void Arguments(int i, string fragment) =>
        _writer.Delta(new JsonObject { ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = i, ["function"] = new JsonObject { ["arguments"] = fragment } }) });
}
