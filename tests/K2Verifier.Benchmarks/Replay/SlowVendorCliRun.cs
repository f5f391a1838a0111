using System.Globalization;
using System.Text.Json;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>
/// bench slow-vendor's figure for the CLI as <c>./run.sh</c> publishes it (Native AOT: no JIT): the same streamed
/// dataset replayed by that CLI as a child process against the same warm fake. Its throughput is counted from the first
/// request sent to the process's exit (compaction, summary and exit included, as the in-process figure includes them;
/// the process's start and the dataset's fingerprint before the first send are left out, as the in-process warm-up
/// leaves them out), from the journal's own times (<c>last_run_at</c> is when a row was judged, <c>duration_ms</c> how
/// long its request took). The whole process's wall time is printed beside it.
/// </summary>
internal static class SlowVendorCliRun
{
    public static async Task<(string Line, double? Ratio)> RunAsync(string[] args, Uri baseUrl, string dataset, string folder, int concurrency, int requests, double ideal)
    {
        var cli = BenchArgs.String(args, "--cli");
        if (cli is null)
        {
            return ("  published CLI         not measured (--cli DIR: ./run.sh bench slow-vendor passes the CLI it publishes)", null);
        }

        var output = Path.Combine(folder, "cli");
        var (cpu, wall, peakMb, exit) = await PublishedCliRun.RunAsync(cli, baseUrl, dataset, output, concurrency, defaultGc: false);
        var exited = DateTime.Now;
        var (rows, firstSent) = FirstSent(Path.Combine(output, "results.jsonl"));
        var toExit = (exited - firstSent).TotalSeconds;
        var rate = rows / toExit;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"  published CLI         ({PublishedCliRun.BuildName(cli)}) {rate:0} req/s = {rate / ideal:0.00} × ideal from the first request sent to the exit (target >= 0.90); whole process {requests / wall.TotalSeconds:0} req/s = {requests / wall.TotalSeconds / ideal:0.00} × ideal (its start included); {cpu.TotalMilliseconds / requests:0.000} ms CPU per request; peak {peakMb:0} MB (target <= 300 MB); {rows} rows, exit {exit}");
        return (line, exit == 0 && rows == requests && peakMb <= 300 ? rate / ideal : 0); // a failed or oversized run meets nothing
    }

    /// <summary>The rows of a journal and when the first of their requests was sent (judged at, less its duration).</summary>
    private static (int Rows, DateTime FirstSent) FirstSent(string journal)
    {
        var rows = 0;
        var first = DateTime.MaxValue;
        foreach (var line in File.ReadLines(journal))
        {
            using var row = JsonDocument.Parse(line);
            var judged = DateTime.Parse(row.RootElement.GetProperty("last_run_at").GetString()!, CultureInfo.InvariantCulture);
            var sent = judged - TimeSpan.FromMilliseconds(row.RootElement.GetProperty("duration_ms").GetInt64());
            first = sent < first ? sent : first;
            rows++;
        }

        return (rows, first);
    }
}
