using System.Text;

namespace K2Verifier.Normalization;

/// <summary>One event's data, UTF-8, valid only during the call (the splitter reuses its memory after).</summary>
internal delegate void SseEventHandler(ReadOnlyMemory<byte> data);

/// <summary>
/// Splits server-sent-event bytes (UTF-8, without a byte order mark) into the data of each event as it arrives, chunk by
/// chunk (HTML spec rules: lines end at LF, CR or CRLF; <c>data:</c> lines joined by newlines; comments and other fields
/// ignored; a blank line ends an event; the last event counts without its blank line). The one splitter of the wire
/// reader and of normalisation. It works on the bytes as read: line ends and field names are ASCII, so nothing is decoded,
/// and an event that is one <c>data:</c> line within one chunk (the usual case) is handed on where it lies, not copied.
/// </summary>
internal sealed class SseEventSplitter
{
    private readonly SseEventHandler _onEvent;
    private readonly List<string> _eventNames = [];
    private byte[] _line = [];
    private int _lineLength;
    private byte[] _data = [];
    private int _dataLength;
    private ReadOnlyMemory<byte> _dataInChunk; // the event's data while it is one line in the caller's chunk
    private bool _inChunk;
    private bool _hasData;
    private bool _afterCr;

    /// <param name="onEvent">Called with each event's data, in order (the <c>[DONE]</c> sentinel included).</param>
    public SseEventSplitter(SseEventHandler onEvent) => _onEvent = onEvent;

    /// <summary>Comment lines (<c>:</c> keep-alives) seen.</summary>
    public int Comments { get; private set; }

    /// <summary><c>event:</c> lines seen.</summary>
    public int EventLines { get; private set; }

    /// <summary>The first three distinct <c>event:</c> names.</summary>
    public IReadOnlyList<string> EventNames => _eventNames;

    /// <summary>
    /// Splits a whole SSE text (a recorded body) into <paramref name="onEvent"/>: its UTF-8 without a leading byte order
    /// mark, which the wire reader drops too; returns the splitter for its counts.
    /// </summary>
    public static SseEventSplitter SplitText(string text, SseEventHandler onEvent)
    {
        var splitter = new SseEventSplitter(onEvent);
        splitter.Append(Encoding.UTF8.GetBytes(text.StartsWith('\uFEFF') ? text[1..] : text));
        splitter.Complete();
        return splitter;
    }

    /// <summary>Feeds a chunk of bytes; every event it completes is handed on before this returns (the chunk is not kept).</summary>
    public void Append(ReadOnlyMemory<byte> chunk)
    {
        var offset = 0;
        var span = chunk.Span;
        while (offset < span.Length)
        {
            if (_afterCr)
            {
                _afterCr = false;
                if (span[offset] == (byte)'\n')
                {
                    offset++;
                    continue;
                }
            }

            var end = span[offset..].IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                Keep(ref _line, ref _lineLength, span[offset..]);
                break;
            }

            if (_lineLength == 0)
            {
                EndLine(chunk.Slice(offset, end), inChunk: true); // the whole line is in this chunk (the usual case)
            }
            else
            {
                Keep(ref _line, ref _lineLength, span.Slice(offset, end));
                EndLine(_line.AsMemory(0, _lineLength), inChunk: false);
                _lineLength = 0;
            }

            _afterCr = span[offset + end] == (byte)'\r';
            offset += end + 1;
        }

        if (_inChunk)
        {
            CopyDataOut(); // the caller may reuse the chunk before the event ends
        }
    }

    /// <summary>The end of the bytes: a last line without its end and a last event without its blank line still count.</summary>
    public void Complete()
    {
        if (_lineLength > 0)
        {
            EndLine(_line.AsMemory(0, _lineLength), inChunk: false);
            _lineLength = 0;
        }

        Dispatch();
    }

    private void EndLine(ReadOnlyMemory<byte> line, bool inChunk)
    {
        var text = line.Span;
        if (text.IsEmpty)
        {
            Dispatch();
            return;
        }

        if (text[0] == (byte)':')
        {
            Comments++;
            return;
        }

        var colon = text.IndexOf((byte)':');
        var field = colon < 0 ? text : text[..colon];
        var valueStart = colon < 0 ? text.Length : colon + 1;
        if (valueStart < text.Length && text[valueStart] == (byte)' ')
        {
            valueStart++;
        }

        if (field.SequenceEqual("data"u8))
        {
            AddData(line[valueStart..], inChunk);
        }
        else if (field.SequenceEqual("event"u8))
        {
            EventLines++;
            if (_eventNames.Count < 3 && Encoding.UTF8.GetString(text[valueStart..]) is var name && !_eventNames.Contains(name))
            {
                _eventNames.Add(name);
            }
        }

        // id:, retry: and unknown fields carry nothing the verifier needs.
    }

    private void AddData(ReadOnlyMemory<byte> value, bool inChunk)
    {
        if (!_hasData && inChunk)
        {
            _dataInChunk = value;
            _inChunk = true;
            _hasData = true;
            return;
        }

        if (_inChunk)
        {
            CopyDataOut();
        }

        if (_hasData)
        {
            Keep(ref _data, ref _dataLength, "\n"u8);
        }

        Keep(ref _data, ref _dataLength, value.Span);
        _hasData = true;
    }

    private void CopyDataOut()
    {
        Keep(ref _data, ref _dataLength, _dataInChunk.Span);
        _dataInChunk = default;
        _inChunk = false;
    }

    private void Dispatch()
    {
        if (!_hasData)
        {
            return;
        }

        var data = _inChunk ? _dataInChunk : _data.AsMemory(0, _dataLength);
        _dataInChunk = default;
        _inChunk = false;
        _hasData = false;
        _dataLength = 0;
        _onEvent(data);
    }

    /// <summary>Appends <paramref name="bytes"/> to a buffer of this splitter's own (grown by doubling, kept for the next event).</summary>
    private static void Keep(ref byte[] buffer, ref int length, ReadOnlySpan<byte> bytes)
    {
        if (buffer.Length - length < bytes.Length)
        {
            Array.Resize(ref buffer, Math.Max(Math.Max(buffer.Length * 2, 256), length + bytes.Length));
        }

        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }
}
