namespace K2Verifier.Dataset;

/// <summary>
/// Cuts a UTF-8 stream into lines without decoding it: the breaks <see cref="StreamReader.ReadLine"/> knows (<c>\n</c>,
/// <c>\r</c>, <c>\r\n</c>), a last line without one, a leading UTF-8 byte order mark skipped. A line is valid until the
/// next call; longer lines than the buffer grow it.
/// </summary>
internal sealed class Utf8LineReader
{
    private static readonly byte[] Utf16Le = [0xFF, 0xFE]; // also UTF-32 LE's start
    private static readonly byte[] Utf16Be = [0xFE, 0xFF];
    private static readonly byte[] Utf32Be = [0x00, 0x00, 0xFE, 0xFF];

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _scanned;
    private bool _eof;
    private bool _started;

    public Utf8LineReader(Stream stream, int bufferSize)
    {
        _stream = stream;
        _buffer = new byte[bufferSize];
    }

    /// <summary>The line found by the last <see cref="NextAsync"/>, without its break.</summary>
    public ReadOnlyMemory<byte> Current { get; private set; }

    /// <summary>
    /// True when the stream starts with a UTF-16 or UTF-32 byte order mark (then it is no UTF-8 and the caller decodes
    /// it otherwise). Reads the first bytes; call it before <see cref="NextAsync"/> or not at all.
    /// </summary>
    public async ValueTask<bool> StartsWithWideByteOrderMarkAsync(CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        var head = _buffer.AsSpan(0, _end);
        return head.StartsWith(Utf16Le) || head.StartsWith(Utf16Be) || head.StartsWith(Utf32Be);
    }

    /// <summary>Moves to the next line; false at the end of the stream.</summary>
    public async ValueTask<bool> NextAsync(CancellationToken cancellationToken)
    {
        await StartAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var pending = _buffer.AsSpan(_scanned, _end - _scanned);
            var found = pending.IndexOfAny((byte)'\n', (byte)'\r');
            if (found >= 0)
            {
                var at = _scanned + found;
                if (_buffer[at] == '\r' && at + 1 == _end && !_eof)
                {
                    // A \r at the end of the block: the next block says whether a \n belongs to it.
                    _scanned = at;
                    await FillAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                Current = _buffer.AsMemory(_start, at - _start);
                _start = _buffer[at] == '\r' && at + 1 < _end && _buffer[at + 1] == '\n' ? at + 2 : at + 1;
                _scanned = _start;
                return true;
            }

            _scanned = _end;
            if (_eof)
            {
                if (_start == _end)
                {
                    Current = default;
                    return false;
                }

                Current = _buffer.AsMemory(_start, _end - _start);
                _start = _scanned = _end;
                return true;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        if (_started)
        {
            return;
        }

        // Enough bytes for the longest byte order mark, however few a read returns (a pipe may give them one by one).
        _started = true;
        do
        {
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
        while (_end < Utf32Be.Length && !_eof);

        if (_buffer.AsSpan(0, _end).StartsWith(System.Text.Encoding.UTF8.Preamble))
        {
            _start = _scanned = System.Text.Encoding.UTF8.Preamble.Length;
        }
    }

    /// <summary>Moves the unread bytes to the front (growing the buffer when they fill it) and reads one more block.</summary>
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _scanned -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        _eof = read == 0;
    }
}
