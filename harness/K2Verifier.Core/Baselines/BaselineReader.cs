using System.Text.Json;
using K2Verifier.Results;

namespace K2Verifier.Baselines;

/// <summary>
/// Reads a baseline: an official results file (rows with <c>status</c> and <c>finish_reason</c>, latest
/// <c>last_run_at</c> winning for a repeated data_index) or an expectations file (rows with
/// <c>expected_finish_reason</c>). The kind is decided by the first non-blank line; a line of the other kind, or one
/// without a data_index, is an error naming the file and line.
/// </summary>
public static class BaselineReader
{
    /// <summary>Reads <paramref name="path"/>; <paramref name="categories"/> (an expected.jsonl) adds categories to an official results file.</summary>
    public static Baseline Read(string path, string? categories = null)
    {
        if (!File.Exists(path))
        {
            throw new BaselineFormatException($"baseline file not found: {path}");
        }

        BaselineKind? kind = null;
        var entries = new Dictionary<int, (BaselineEntry Entry, string LastRunAt)>();
        foreach (var line in JsonlScanner.Lines(path))
        {
            if (line.IsBlank)
            {
                continue;
            }

            using var document = Parse(path, line);
            var row = document.RootElement;
            var lineKind = row.TryGetProperty("expected_finish_reason", out _) ? BaselineKind.Expectations : BaselineKind.OfficialResults;
            kind ??= lineKind;
            if (lineKind != kind)
            {
                throw new BaselineFormatException($"{path}:{line.Number}: a {Describe(lineKind)} row in a file of {Describe(kind.Value)} rows");
            }

            var (entry, lastRunAt) = kind == BaselineKind.Expectations ? FromExpectation(path, line.Number, row) : FromResult(path, line.Number, row);
            if (!entries.TryGetValue(entry.DataIndex, out var current) || Results.LatestRun.Supersedes(lastRunAt, current.LastRunAt))
            {
                entries[entry.DataIndex] = (entry, lastRunAt);
            }
        }

        if (kind is null)
        {
            throw new BaselineFormatException($"{path}: the baseline is empty");
        }

        var result = entries.ToDictionary(p => p.Key, p => p.Value.Entry);
        if (categories is not null)
        {
            var names = Read(categories).Entries;
            foreach (var (index, entry) in result)
            {
                if (entry.Category is null && names.TryGetValue(index, out var named))
                {
                    result[index] = entry with { Category = named.Category };
                }
            }
        }

        return new Baseline(path, kind.Value, result);
    }

    private static JsonDocument Parse(string path, JsonlLine line)
    {
        try
        {
            var document = JsonDocument.Parse(line.Bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new BaselineFormatException($"{path}:{line.Number}: expected a JSON object");
            }

            return document;
        }
        catch (JsonException ex)
        {
            throw new BaselineFormatException($"{path}:{line.Number}: not JSON ({ex.Message})", ex);
        }
    }

    private static (BaselineEntry, string) FromExpectation(string path, int line, JsonElement row)
    {
        var finish = row.GetProperty("expected_finish_reason");
        if (finish.ValueKind != JsonValueKind.String)
        {
            throw new BaselineFormatException($"{path}:{line}: expected_finish_reason: expected a string such as \"tool_calls\" or \"stop\"");
        }

        return (new BaselineEntry(DataIndex(path, line, row), finish.GetString(), false, String(row, "category")), string.Empty);
    }

    private static (BaselineEntry, string) FromResult(string path, int line, JsonElement row)
    {
        var status = String(row, "status") ?? throw new BaselineFormatException($"{path}:{line}: status: missing (neither a results row nor an expectations row with expected_finish_reason)");
        var failed = status != CaseStatus.Success;
        return (new BaselineEntry(DataIndex(path, line, row), failed ? null : String(row, "finish_reason"), failed, String(row, "category")), String(row, "last_run_at") ?? string.Empty);
    }

    private static int DataIndex(string path, int line, JsonElement row) =>
        row.TryGetProperty("data_index", out var index) && index.TryGetInt32(out var value)
            ? value
            : throw new BaselineFormatException($"{path}:{line}: data_index: missing or not an integer");

    private static string? String(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Describe(BaselineKind kind) => kind == BaselineKind.Expectations ? "expectations" : "results";
}
