using System.Text.Json;
using K2Verifier.Json;
using Microsoft.Win32.SafeHandles;

namespace K2Verifier.Results;

/// <summary>Reading and compacting a results.jsonl file (ours or K2VV's).</summary>
public static class ResultsFile
{
    /// <summary>Every non-blank row in file order; unreadable lines (e.g. one cut short by a kill) come with a problem.</summary>
    public static IEnumerable<JournalRow> Read(string path)
    {
        foreach (var line in JsonlScanner.Lines(path))
        {
            if (line.IsBlank)
            {
                continue;
            }

            CaseResult? result = null;
            string? problem = null;
            try
            {
                result = CaseResultSerializer.Parse(line.Bytes.Span);
            }
            catch (JsonException ex)
            {
                problem = $"{path}:{line.Number}: {ex.Message}";
            }

            yield return new JournalRow(line, result, problem);
        }
    }

    /// <summary>The part of the journal read at once when compacting (1 MiB).</summary>
    private const int CopyWindow = 1 << 20;

    /// <summary>
    /// Rewrites the file with one row per data_index (the latest <c>last_run_at</c> wins; on a tie the later line),
    /// sorted by data_index, as K2VV does at the end of a run. Unreadable lines are dropped. Returns the row count.
    /// </summary>
    public static int Compact(string path)
    {
        var headers = new List<(RowHeader Header, JournalSpan Span)>();
        foreach (var line in JsonlScanner.Lines(path))
        {
            if (!line.IsBlank && RowHeader.TryRead(line.Bytes.Span, out var header))
            {
                headers.Add((header, new JournalSpan(line.Offset, line.Bytes.Length)));
            }
        }

        var latest = LatestRun.Of(headers, h => h.Header.DataIndex, h => h.Header.LastRunAt);
        return Compact(path, [.. latest.Select(h => h.Span)]);
    }

    /// <summary>
    /// Rewrites the file with the rows at <paramref name="spans"/>, in that order (the reader's latest rows: see
    /// <see cref="ScoredJournal.Spans"/>), copying their bytes without parsing them. The rewrite goes through a
    /// temporary file and an atomic rename, so the journal is never half-written. Returns the row count.
    /// </summary>
    public static int Compact(string path, IReadOnlyList<JournalSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var temporary = path + ".compact.tmp";
        try
        {
            using var source = File.OpenHandle(path);
            using var target = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            CopyRows(path, source, spans, target);
            target.Flush(flushToDisk: true);
        }
        catch
        {
            File.Delete(temporary); // the journal itself is untouched until the rename
            throw;
        }

        File.Move(temporary, path, overwrite: true);
        return spans.Count;
    }

    /// <summary>
    /// Appends the rows at <paramref name="spans"/> to <paramref name="target"/>, each with its newline. The rows come
    /// nearly in file order (a run writes them as they finish, and they go back in data_index order), so they are copied
    /// out of a window of the file read at once (a quarter of it before the row that loaded it, for rows that finished
    /// a little out of order) rather than with a read each; a row larger than the window is read on its own.
    /// </summary>
    private static void CopyRows(string path, SafeFileHandle source, IReadOnlyList<JournalSpan> spans, FileStream target)
    {
        using var window = new PooledBuffer<byte>(CopyWindow); // nothing written is kept in it
        var buffer = window.GetSpan(CopyWindow)[..CopyWindow];
        long windowStart = 0;
        var windowLength = 0;
        foreach (var (offset, length) in spans)
        {
            ReadOnlySpan<byte> bytes;
            if (offset >= windowStart && offset + length <= windowStart + windowLength)
            {
                bytes = buffer.Slice((int)(offset - windowStart), length);
            }
            else if (length <= CopyWindow / 2)
            {
                windowStart = Math.Max(0, offset - (CopyWindow / 4));
                windowLength = RandomAccess.Read(source, buffer, windowStart);
                bytes = offset + length <= windowStart + windowLength ? buffer.Slice((int)(offset - windowStart), length) : throw PastTheEnd(path, offset, length);
            }
            else
            {
                var row = new byte[length];
                bytes = RandomAccess.Read(source, row, offset) == length ? row : throw PastTheEnd(path, offset, length);
            }

            target.Write(bytes);
            target.WriteByte((byte)'\n');
        }
    }

    private static InvalidDataException PastTheEnd(string path, long offset, int length) =>
        new($"{path}: the row at byte {offset} ({length} bytes) is past the file's end: was the journal changed while it was compacted?");
}
