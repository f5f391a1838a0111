using System.Diagnostics.Metrics;

namespace K2Verifier.Results;

/// <summary>
/// Counters of the work behind a command's results, on the meter <see cref="MeterName"/>: how often a JSONL file is
/// scanned from start to end (<c>k2verifier.jsonl.scans</c>, tagged with the file's path) and how many tool calls are
/// judged (<c>k2verifier.tool_calls.judged</c>). Each command reads its journal once and judges each call once
/// (docs/scoring-and-gates.md, "One results pipeline"); any <see cref="MeterListener"/> (dotnet-counters, a test) can
/// watch it. Not exported with the run's metrics.
/// </summary>
public static class ResultsDiagnostics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "K2Verifier.Results";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Scans = Meter.CreateCounter<long>("k2verifier.jsonl.scans", description: "Full scans of a JSONL file (tag: path).");
    private static readonly Counter<long> Judged = Meter.CreateCounter<long>("k2verifier.tool_calls.judged", description: "Tool calls judged against their tool's schema.");

    /// <summary>Counts one scan of <paramref name="path"/>.</summary>
    public static void Scanned(string path) => Scans.Add(1, new KeyValuePair<string, object?>("path", Path.GetFullPath(path)));

    /// <summary>Counts <paramref name="calls"/> judged tool calls.</summary>
    public static void ToolCallsJudged(int calls) => Judged.Add(calls);
}
