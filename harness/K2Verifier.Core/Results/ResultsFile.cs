using System.Text.Json;

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
    /// The rewrite goes through a temporary file and an atomic rename, so the journal is never half-written.
    /// </summary>
    public static int Compact(string path) => CompactRows(path).Count;

    /// <summary><see cref="Compact"/>, returning the header of each row kept, in the order they are now in the file.</summary>
    public static IReadOnlyList<RowHeader> CompactRows(string path)
    {
        var chosen = new Dictionary<int, (long Offset, int Length, string LastRunAt, RowHeader Header)>();
        foreach (var line in JsonlScanner.Lines(path))
        {
            if (line.IsBlank || !RowHeader.TryRead(line.Bytes.Span, out var header))
            {
                continue;
            }

            var lastRunAt = header.LastRunAt ?? string.Empty;
            if (!chosen.TryGetValue(header.DataIndex, out var current) || LatestRun.Supersedes(lastRunAt, current.LastRunAt))
            {
                chosen[header.DataIndex] = (line.Offset, line.Bytes.Length, lastRunAt, header);
            }
        }

        var temporary = path + ".compact.tmp";
        var rows = chosen.OrderBy(p => p.Key).Select(p => p.Value).ToList();
        using (var source = File.OpenHandle(path))
        using (var target = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            foreach (var (offset, length, _, _) in rows)
            {
                var buffer = new byte[length];
                RandomAccess.Read(source, buffer, offset);
                target.Write(buffer);
                target.WriteByte((byte)'\n');
            }

            target.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        return [.. rows.Select(r => r.Header)];
    }
}
