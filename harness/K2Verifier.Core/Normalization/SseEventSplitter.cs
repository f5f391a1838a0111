using System.Text;

namespace K2Verifier.Normalization;

/// <summary>
/// Splits server-sent-event text into the data of each event as it arrives, chunk by chunk (HTML spec rules: lines end
/// at LF, CR or CRLF; <c>data:</c> lines joined by newlines; comments and other fields ignored; a blank line ends an
/// event; the last event counts without its blank line). The one splitter of the wire reader and of normalisation.
/// </summary>
internal sealed class SseEventSplitter
{
    private readonly Action<string> _onEvent;
    private readonly StringBuilder _line = new();
    private readonly StringBuilder _data = new();
    private readonly List<string> _eventNames = [];
    private bool _hasData;
    private bool _afterCr;

    /// <param name="onEvent">Called with each event's data, in order (the <c>[DONE]</c> sentinel included).</param>
    public SseEventSplitter(Action<string> onEvent) => _onEvent = onEvent;

    /// <summary>Comment lines (<c>:</c> keep-alives) seen.</summary>
    public int Comments { get; private set; }

    /// <summary><c>event:</c> lines seen.</summary>
    public int EventLines { get; private set; }

    /// <summary>The first three distinct <c>event:</c> names.</summary>
    public IReadOnlyList<string> EventNames => _eventNames;

    /// <summary>Feeds a chunk of text; every event it completes is handed on before this returns.</summary>
    public void Append(ReadOnlySpan<char> chunk)
    {
        while (!chunk.IsEmpty)
        {
            if (_afterCr)
            {
                _afterCr = false;
                if (chunk[0] == '\n')
                {
                    chunk = chunk[1..];
                    continue;
                }
            }

            int end = chunk.IndexOfAny('\r', '\n');
            if (end < 0)
            {
                _line.Append(chunk);
                return;
            }

            if (_line.Length == 0)
            {
                // The whole line is in this chunk (the usual case): read it where it is, no copy.
                EndLine(chunk[..end]);
            }
            else
            {
                _line.Append(chunk[..end]);
                EndBufferedLine();
            }

            _afterCr = chunk[end] == '\r';
            chunk = chunk[(end + 1)..];
        }
    }

    /// <summary>The end of the text: a last line without its end and a last event without its blank line still count.</summary>
    public void Complete()
    {
        if (_line.Length > 0)
        {
            EndBufferedLine();
        }

        Dispatch();
    }

    /// <summary>A line that arrived in pieces, gathered in <see cref="_line"/> (rare: a read usually ends at a line end).</summary>
    private void EndBufferedLine()
    {
        string line = _line.ToString();
        _line.Clear();
        EndLine(line);
    }

    private void EndLine(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty)
        {
            Dispatch();
            return;
        }

        if (line[0] == ':')
        {
            Comments++;
            return;
        }

        int colon = line.IndexOf(':');
        ReadOnlySpan<char> field = colon < 0 ? line : line[..colon];
        ReadOnlySpan<char> value = colon < 0 ? [] : line[(colon + 1)..];
        if (value.StartsWith(' '))
        {
            value = value[1..];
        }

        if (field.SequenceEqual("data"))
        {
            if (_hasData)
            {
                _data.Append('\n');
            }

            _data.Append(value);
            _hasData = true;
        }
        else if (field.SequenceEqual("event"))
        {
            EventLines++;
            string name = value.ToString();
            if (_eventNames.Count < 3 && !_eventNames.Contains(name))
            {
                _eventNames.Add(name);
            }
        }

        // id:, retry: and unknown fields carry nothing the verifier needs.
    }

    private void Dispatch()
    {
        if (!_hasData)
        {
            return;
        }

        string data = _data.ToString();
        _data.Clear();
        _hasData = false;
        _onEvent(data);
    }
}
