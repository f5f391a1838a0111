namespace K2Verifier.Results;

/// <summary>
/// The append-only results.jsonl writer: each row is written as one line and handed to the operating system (one
/// unbuffered write, newline included) before the caller counts it, so a crash or kill loses nothing that finished.
/// Safe for concurrent callers.
/// </summary>
public sealed class ResultsJournal : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly Lock _gate = new();

    private ResultsJournal(FileStream stream) => _stream = stream;

    /// <summary>The journal's path.</summary>
    public string Path => _stream.Name;

    /// <summary>
    /// Opens <paramref name="path"/> for appending (creating folders as needed); <paramref name="truncate"/> starts it
    /// empty. A last line cut short by a crash is ended first, so the next row starts on a line of its own.
    /// </summary>
    public static ResultsJournal Open(string path, bool truncate)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // bufferSize 0: no FileStream buffer, every Write is a write to the operating system.
        var stream = new FileStream(path, truncate ? FileMode.Create : FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);
        stream.Seek(0, SeekOrigin.End);
        if (stream.Length > 0)
        {
            stream.Seek(-1, SeekOrigin.End);
            var last = stream.ReadByte();
            stream.Seek(0, SeekOrigin.End);
            if (last != '\n')
            {
                stream.WriteByte((byte)'\n');
                stream.Flush();
            }
        }

        return new ResultsJournal(stream);
    }

    /// <summary>
    /// Appends one row and hands it to the operating system before returning (synchronously: a page-cache write costs
    /// less than a thread-pool hop); returns where the row starts in the journal. Not cancellable once started: a
    /// half-written row would be worse than a late stop; <paramref name="cancellationToken"/> is checked after the row is
    /// written.
    /// </summary>
    public ValueTask<long> AppendAsync(CaseResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        long offset;
        using (var line = CaseResultSerializer.WritePooled(result))
        {
            line.Write((byte)'\n');
            lock (_gate)
            {
                offset = _stream.Position;
                _stream.Write(line.WrittenSpan);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(offset);
    }

    /// <summary>
    /// Appends one JSON line that is not a <see cref="CaseResult"/> (a probe suite's row) with the same discipline: one
    /// unbuffered write, newline included, handed to the operating system before returning.
    /// </summary>
    public void AppendLine(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.IndexOf((byte)'\n') >= 0)
        {
            throw new ArgumentException("a journal line must not contain a newline", nameof(utf8Json));
        }

        var line = new byte[utf8Json.Length + 1];
        utf8Json.CopyTo(line);
        line[^1] = (byte)'\n';
        lock (_gate)
        {
            _stream.Write(line);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
