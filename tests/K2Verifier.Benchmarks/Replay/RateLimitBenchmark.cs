using System.Diagnostics;
using System.Globalization;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>
/// N requests at --concurrency 64 against a vendor (a child process) that serves R requests/s from a one-second token
/// bucket and answers 429 with <c>Retry-After: 1</c> beyond it. Targets: no failed row, wall time at most 1.15 × N / R.
/// Runs R = 20 (N = 600) and R = 200 (N = 4,000) unless <c>--rate R --requests N</c> picks one.
/// </summary>
internal static class RateLimitBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var concurrency = BenchArgs.Int(args, "--concurrency", 64);
        var rate = BenchArgs.Int(args, "--rate", 0);
        var cases = rate > 0 ? [(rate, BenchArgs.Int(args, "--requests", rate * 30))] : new[] { (20, 600), (200, 4000) };
        var ok = true;
        foreach (var (r, n) in cases)
        {
            ok &= await RunOneAsync(r, n, concurrency);
        }

        return ok ? 0 : 1;
    }

    private static async Task<bool> RunOneAsync(int rate, int requests, int concurrency)
    {
        var folder = Path.Combine(Path.GetTempPath(), "k2v-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var fake = await FakeProcess.StartAsync("--rate", rate.ToString(CultureInfo.InvariantCulture));
        var dataset = ReplayBenchmark.BuildDataset(folder, requests);
        var loadBefore = ReplayBenchmark.LoadAverage();
        var fakeCpuBefore = fake.TotalProcessorTime;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (elapsed, summary) = await VendorRun.RunAsync(fake.BaseUrl, dataset, folder, concurrency, "results");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var fakeCpu = fake.TotalProcessorTime - fakeCpuBefore;
        var ideal = (double)requests / rate;
        var ratio = elapsed.TotalSeconds / ideal;
        var met = summary.FailureCount == 0 && summary.TotalRows == requests && ratio <= 1.15;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            rate-limit benchmark: vendor {rate} req/s, {requests} requests, --concurrency {concurrency} (load average before {loadBefore}, after {ReplayBenchmark.LoadAverage()})
              rows                  {summary.TotalRows} (failed: {summary.FailureCount})   (target: 0 failed)
              wall time             {elapsed.TotalSeconds:0.0} s = {ratio:0.00} × N/R ({ideal:0.0} s)   (target <= 1.15)
              attempts              {summary.AttemptsTotal} ({summary.AttemptsTotal - requests} 429s provoked)
              concurrency settled   {summary.Run.ConcurrencySettled} (ceiling {concurrency})
              CPU per request       harness {cpu.TotalMilliseconds / requests:0.000} ms, fake {fakeCpu.TotalMilliseconds / requests:0.000} ms
              {(met ? "target met" : "TARGET MISSED")}
            """));
        Directory.Delete(folder, recursive: true);
        return met;
    }
}
