using System.Buffers;

namespace K2Verifier.Results;

/// <summary>Reads a JSONL file line by line as bytes with their offsets, so rows can be re-read later without keeping them in memory.</summary>
public static class JsonlScanner
{
    private const int ChunkSize = 1 << 16;

    /// <summary>
    /// Every physical line of <paramref name="path"/> (a final line without a newline included). With
    /// <paramref name="transient"/>, a line's bytes are valid only until the next line is read (no copy per line: for a
    /// reader that is done with each line before it takes the next).
    /// </summary>
    public static IEnumerable<JsonlLine> Lines(string path, bool transient = false)
    {
        ResultsDiagnostics.Scanned(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, ChunkSize);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var pending = new ArrayBufferWriter<byte>(ChunkSize);
        try
        {
            long offset = 0;
            long lineStart = 0;
            var number = 0;
            int read;
            while ((read = stream.Read(chunk, 0, ChunkSize)) > 0)
            {
                var start = 0;
                while (start < read)
                {
                    var newline = Array.IndexOf(chunk, (byte)'\n', start, read - start);
                    if (newline < 0)
                    {
                        pending.Write(chunk.AsSpan(start, read - start));
                        offset += read - start;
                        break;
                    }

                    offset += newline - start + 1;
                    if (transient && pending.WrittenCount == 0)
                    {
                        yield return new JsonlLine(++number, lineStart, TrimCarriageReturn(chunk.AsMemory(start, newline - start)));
                    }
                    else
                    {
                        pending.Write(chunk.AsSpan(start, newline - start));
                        yield return new JsonlLine(++number, lineStart, TrimCarriageReturn(transient ? pending.WrittenMemory : pending.WrittenMemory.ToArray()));
                    }

                    pending.ResetWrittenCount();
                    lineStart = offset;
                    start = newline + 1;
                }
            }

            if (pending.WrittenCount > 0)
            {
                yield return new JsonlLine(++number, lineStart, TrimCarriageReturn(transient ? pending.WrittenMemory : pending.WrittenMemory.ToArray()));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;
}
