using System.Globalization;

namespace K2Verifier.Results;

/// <summary>
/// K2VV's de-duplication rule, written once: of several rows for one data_index the latest <c>last_run_at</c> wins,
/// and on a tie the later line. Times are compared as instants when both parse (ISO 8601, with or without an offset or
/// fraction digits), else as strings. Used by compaction, scoring, baselines and the report's row details.
/// </summary>
public static class LatestRun
{
    /// <summary>True when a row run at <paramref name="candidate"/>, read after one run at <paramref name="current"/>, replaces it.</summary>
    public static bool Supersedes(string? candidate, string? current)
    {
        candidate ??= string.Empty;
        current ??= string.Empty;
        const DateTimeStyles Styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind;
        return DateTimeOffset.TryParse(candidate, CultureInfo.InvariantCulture, Styles, out var x)
            && DateTimeOffset.TryParse(current, CultureInfo.InvariantCulture, Styles, out var y)
            ? x >= y
            : string.CompareOrdinal(candidate, current) >= 0;
    }

    /// <summary>One item per key, the latest by <see cref="Supersedes"/> (file order breaks ties), in key order.</summary>
    public static List<T> Of<T>(IEnumerable<T> rows, Func<T, int> key, Func<T, string?> lastRunAt)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var latest = new Dictionary<int, T>();
        foreach (var row in rows)
        {
            var index = key(row);
            if (!latest.TryGetValue(index, out var current) || Supersedes(lastRunAt(row), lastRunAt(current)))
            {
                latest[index] = row;
            }
        }

        return [.. latest.OrderBy(p => p.Key).Select(p => p.Value)];
    }
}
