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

    /// <summary>Appends the rows at <paramref name="spans"/> to <paramref name="target"/>, each with its newline.</summary>
    private static void CopyRows(string path, SafeFileHandle source, IReadOnlyList<JournalSpan> spans, FileStream target)
    {
        using var row = new PooledBuffer<byte>(1 << 16); // one buffer for every row: nothing written is kept in it
        foreach (var (offset, length) in spans)
        {
            var bytes = row.GetSpan(length)[..length];
            if (RandomAccess.Read(source, bytes, offset) != length)
            {
                throw new InvalidDataException($"{path}: the row at byte {offset} ({length} bytes) is past the file's end: was the journal changed while it was compacted?");
            }

            target.Write(bytes);
            target.WriteByte((byte)'\n');
        }
    }
}
