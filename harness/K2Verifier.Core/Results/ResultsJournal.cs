namespace K2Verifier.Results;

/// <summary>
/// The append-only results.jsonl writer: each row is written as one line and flushed before the caller counts it,
/// so a crash or kill loses nothing that finished. Safe for concurrent callers.
/// </summary>
public sealed class ResultsJournal : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);

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

        var stream = new FileStream(path, truncate ? FileMode.Create : FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
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

    /// <summary>Appends one row and flushes it to the operating system before returning.</summary>
    public async Task AppendAsync(CaseResult result, CancellationToken cancellationToken = default)
    {
        var line = CaseResultSerializer.ToJsonLine(result);
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            // Not cancellable once started: a half-written row would be worse than a late stop.
            await _stream.WriteAsync(line, CancellationToken.None).ConfigureAwait(false);
            _stream.WriteByte((byte)'\n');
            await _stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
