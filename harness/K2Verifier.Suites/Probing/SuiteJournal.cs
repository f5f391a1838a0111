using System.Text.Json;

namespace K2Verifier.Suites.Probing;

/// <summary>Reads a suite journal back: every row, and the latest row per attempt (what summaries are built from).</summary>
public static class SuiteJournal
{
    /// <summary>The rows of <paramref name="path"/> in file order; a line that is not a row is skipped (a crash can cut the last one).</summary>
    public static IReadOnlyList<ProbeRow> Read(string path)
    {
        var rows = new List<ProbeRow>();
        if (!File.Exists(path))
        {
            return rows;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(line, SuitesJsonContext.Compact.ProbeRow) is { } row)
                {
                    rows.Add(row);
                }
            }
            catch (JsonException)
            {
                // A torn last line: the attempt is sent again with --incremental.
            }
        }

        return rows;
    }

    /// <summary>The latest row of each attempt, in first-seen order.</summary>
    public static IReadOnlyList<ProbeRow> Latest(IEnumerable<ProbeRow> rows)
    {
        var latest = new Dictionary<string, ProbeRow>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var row in rows)
        {
            if (!latest.ContainsKey(row.Key))
            {
                order.Add(row.Key);
            }

            latest[row.Key] = row;
        }

        return [.. order.Select(k => latest[k])];
    }
}
