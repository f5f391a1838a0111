using K2Verifier.Results;

namespace K2Verifier.Sharding;

/// <summary>
/// Merges the journals of a <see cref="ShardSet"/> into one journal exactly as a single run would have written it:
/// every row, one per data_index (the latest <c>last_run_at</c> wins), sorted by data_index.
/// </summary>
public static class JournalMerger
{
    /// <summary>Writes the merged journal to <paramref name="outputPath"/> and says what it found.</summary>
    public static MergeReport Merge(ShardSet shards, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(shards);
        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var seen = new HashSet<int>();
        var duplicateRows = 0;
        var misplaced = new List<string>();
        var missingRows = new List<string>();
        var temporary = outputPath + ".merge.tmp";
        using (var target = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            foreach (var shard in shards.Shards)
            {
                var rows = 0;
                foreach (var line in JsonlScanner.Lines(shard.JournalPath))
                {
                    if (line.IsBlank || !RowHeader.TryRead(line.Bytes.Span, out var header))
                    {
                        continue;
                    }

                    rows++;
                    if (!seen.Add(header.DataIndex))
                    {
                        duplicateRows++;
                    }

                    if (header.Hash is { } hash && ShardSpec.Of(hash, shard.Manifest.ShardCount) != shard.Manifest.ShardIndex)
                    {
                        misplaced.Add($"{shard.JournalPath}: data_index {header.DataIndex} belongs to shard {ShardSpec.Of(hash, shard.Manifest.ShardCount)}");
                    }

                    target.Write(line.Bytes.Span);
                    target.WriteByte((byte)'\n');
                }

                if (shard.Manifest.Assigned is { } assigned && rows < assigned)
                {
                    missingRows.Add($"{shard.Describe()}: {assigned - rows} of {assigned} requests have no row");
                }
            }

            target.Flush(flushToDisk: true);
        }

        File.Move(temporary, outputPath, overwrite: true);
        var written = ResultsFile.Compact(outputPath);
        return new MergeReport(
            written,
            duplicateRows,
            misplaced,
            missingRows,
            shards.Missing,
            shards.Duplicated,
            [.. shards.Shards.Where(s => !s.Manifest.Complete).Select(s => s.Manifest.ShardIndex)]);
    }
}
