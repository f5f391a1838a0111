using System.Buffers;

namespace K2Verifier.Results;

/// <summary>Reads a JSONL file line by line as bytes with their offsets, so rows can be re-read later without keeping them in memory.</summary>
public static class JsonlScanner
{
    private const int ChunkSize = 1 << 16;

    /// <summary>Every physical line of <paramref name="path"/> (a final line without a newline included).</summary>
    public static IEnumerable<JsonlLine> Lines(string path)
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

                    pending.Write(chunk.AsSpan(start, newline - start));
                    offset += newline - start + 1;
                    yield return new JsonlLine(++number, lineStart, TrimCarriageReturn(pending.WrittenMemory.ToArray()));
                    pending.ResetWrittenCount();
                    lineStart = offset;
                    start = newline + 1;
                }
            }

            if (pending.WrittenCount > 0)
            {
                yield return new JsonlLine(++number, lineStart, TrimCarriageReturn(pending.WrittenMemory.ToArray()));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(byte[] line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line.AsMemory(0, line.Length - 1) : line;
}
