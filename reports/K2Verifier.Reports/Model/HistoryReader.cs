using System.Text.Json;
using K2Verifier.Metrics;

namespace K2Verifier.Reports.Model;

/// <summary>
/// Reads a folder of earlier summary.json files into trend points, oldest first (by eval_started_at). Summaries of
/// incomplete runs (<c>run.complete: false</c>: Ctrl-C, a dead endpoint) are left out: they do not measure a night.
/// </summary>
public static class HistoryReader
{
    /// <summary>Every <c>*.json</c> in <paramref name="directory"/> that is a run summary; others are reported to <paramref name="problems"/> and skipped.</summary>
    public static IReadOnlyList<HistoryPoint> Read(string directory, Action<string>? problems = null)
    {
        var points = new List<HistoryPoint>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(file));
                if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("success_count", out _))
                {
                    problems?.Invoke($"{file}: not a run summary (no success_count); left out of the trend");
                    continue;
                }

                var summary = RunSummaryWriter.Read(document.RootElement);
                if (summary.Run.Complete == false)
                {
                    problems?.Invoke($"{file}: an incomplete run ({summary.Run.RequestsSent?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} of {summary.Run.DatasetRequests?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} requests sent); left out of the trend");
                    continue;
                }

                points.Add(Point(summary, Path.GetFileName(file)));
            }
            catch (JsonException ex)
            {
                problems?.Invoke($"{file}: {ex.Message}; left out of the trend");
            }
        }

        return Sort(points);
    }

    /// <summary>The trend point of a summary; <paramref name="source"/> names it when it has no start time.</summary>
    public static HistoryPoint Point(RunSummary summary, string source)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var startedAt = summary.EvalStartedAt ?? summary.Run.StartedAt;
        var label = startedAt is { Length: >= 16 } ? startedAt[..16].Replace('T', ' ') : source;
        var successRate = summary.TotalRows == 0 ? (double?)null : Math.Round((double)summary.SuccessCount / summary.TotalRows, 6);
        return new HistoryPoint(label, startedAt, source, summary.Model, summary.ToolCallF1, summary.SchemaAccuracy, successRate)
        {
            Results = summary.Run.Results is { Length: > 0 } results ? Path.GetFullPath(results) : null,
        };
    }

    /// <summary>Oldest first: by start time (points without one last), then by source.</summary>
    public static IReadOnlyList<HistoryPoint> Sort(IEnumerable<HistoryPoint> points) =>
        [.. points.OrderBy(p => p.StartedAt is null).ThenBy(p => p.StartedAt, StringComparer.Ordinal).ThenBy(p => p.Source, StringComparer.Ordinal)];
}
