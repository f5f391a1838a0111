using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>
/// 6,000 streamed requests at --concurrency 1000 against a vendor (a child process) that takes 1 s per reply, sent in
/// 10 SSE chunks, after one warm-up wave (printed, not counted; <c>--warmup N</c> requests instead). Targets: at least 0.9 ×
/// the ideal 1,000 requests/s, peak memory (VmHWM) at most 300 MB. A bare HttpClient then replays the same bodies against
/// the same fake, for what the machine allows before any harness work, and with <c>--cli DIR</c> (what ./run.sh passes) the
/// published CLI replays the dataset as a child process (<see cref="SlowVendorCliRun"/>). K2V_BENCH_JIT_METHODS=1 lists what the JIT
/// compiled during the measured run, K2V_BENCH_ALLOCATION_TYPES=1 what was allocated.
/// </summary>
internal static class SlowVendorBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = BenchArgs.Int(args, "--requests", 6000);
        var concurrency = BenchArgs.Int(args, "--concurrency", 1000);
        var delayMs = BenchArgs.Int(args, "--delay-ms", 1000);
        var folder = Path.Combine(Path.GetTempPath(), "k2v-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var fake = await FakeProcess.StartAsync("--delay-ms", delayMs.ToString(CultureInfo.InvariantCulture));
        var dataset = Streamed(ReplayBenchmark.BuildDataset(folder, requests));

        // One wave first, as the replay benchmark warms both sides before it measures: a deployed vendor is not starting
        // cold, and neither process's first JIT belongs in a steady-state figure. The cold wave is printed beside it;
        // --warmup 6000 shows the run with the tier-up done (the JIT recompiles hot code for about 2 s of CPU after one wave).
        var wave = BenchArgs.Int(args, "--warmup", Math.Min(concurrency, requests));
        var warmup = Stopwatch.StartNew();
        await VendorRun.RunAsync(fake.BaseUrl, Streamed(ReplayBenchmark.BuildDataset(folder, wave, "warmup.jsonl")), folder, concurrency, "warmup");
        var warmupSeconds = warmup.Elapsed.TotalSeconds;
        using var statsClient = new HttpClient();
        await statsClient.GetStringAsync(new Uri(fake.BaseUrl + "/lateness")); // forget the warm-up's
        using var allocationTypes = AllocationTicks.StartIfAsked();
        var loadBefore = ReplayBenchmark.LoadAverage();
        var fakeCpuBefore = fake.TotalProcessorTime;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var watch = new Stopwatch();
        var rows = new RowTimes(watch, Math.Min(concurrency, requests));
        var jitBefore = (Methods: System.Runtime.JitInfo.GetCompiledMethodCount(), Time: System.Runtime.JitInfo.GetCompilationTime());
        using var jitMethods = JitMethods.StartIfAsked();
        var (elapsed, summary) = await VendorRun.RunAsync(fake.BaseUrl, dataset, folder, concurrency, "results", rows, watch);
        jitMethods?.Dispose();
        var jitCount = System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore.Methods;
        var jitTime = System.Runtime.JitInfo.GetCompilationTime() - jitBefore.Time;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        allocationTypes?.Dispose();
        var fakeLateness = await statsClient.GetStringAsync(new Uri(fake.BaseUrl + "/lateness"));
        var allocatedKb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / requests;
        var collections = string.Join(" / ", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]));
        var fakeCpu = fake.TotalProcessorTime - fakeCpuBefore;
        var ideal = concurrency * 1000.0 / delayMs;
        var rate = requests / elapsed.TotalSeconds;
        var peakMb = ReplayBenchmark.PeakWorkingSetMb();

        // The same bodies, concurrency and warm fake through a bare HttpClient that only reads each stream to its end:
        // what this machine allows before any harness work (its ramp has the same 1,000 new connections to make).
        var bodies = await ReplayBenchmark.WireBodiesAsync(dataset);
        var rawCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var rawRate = await RawClientLoop.RunAsync(fake.BaseUrl, bodies, concurrency);
        var rawCpu = Process.GetCurrentProcess().TotalProcessorTime - rawCpuBefore;
        var (cliLine, cliRatio) = await SlowVendorCliRun.RunAsync(args, fake.BaseUrl, dataset, folder, concurrency, requests, ideal);

        // The target is judged on what a user runs, the published CLI, when it was measured (no JIT there: the hosted
        // harness recompiles hot code for about 0.35 ms per request after its warm-up wave); the hosted run must hold too
        // for rows and memory.
        var met = summary.FailureCount == 0 && (cliRatio ?? rate / ideal) >= 0.9 && peakMb <= 300;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            slow-vendor benchmark: {delayMs} ms per reply in 10 SSE chunks, {requests} requests, --concurrency {concurrency} (load average before {loadBefore}, after {ReplayBenchmark.LoadAverage()})
              rows                  {summary.TotalRows} (failed: {summary.FailureCount})
              throughput            {rate:0} req/s = {rate / ideal:0.00} × ideal {ideal:0}   (target >= 0.90)
              peak memory           {peakMb:0} MB (VmHWM, whole process)   (target <= 300 MB)
              CPU per request       harness {cpu.TotalMilliseconds / requests:0.000} ms, fake {fakeCpu.TotalMilliseconds / requests:0.000} ms
              raw client            {rawRate:0} req/s = {rawRate / ideal:0.00} × ideal, {rawCpu.TotalMilliseconds / requests:0.000} ms CPU per request (a bare HttpClient reading each stream to its end, same bodies and concurrency, after the harness); harness / raw {rate / rawRate:0.00}
              JIT in the measured run {jitCount} methods compiled, {jitTime.TotalMilliseconds:0} ms ({jitTime.TotalMilliseconds / requests:0.000} ms per request)
              harness allocations   {allocatedKb:0.0} KB per request; GC gen0 / gen1 / gen2 collections {collections}
              rows written at       first {rows.First.TotalSeconds:0.00} s, first wave ({Math.Min(concurrency, requests)}) {rows.FirstWave.TotalSeconds:0.00} s, last {rows.Last.TotalSeconds:0.00} s; compaction and summary {(elapsed - rows.Last).TotalSeconds:0.00} s (ideal: {delayMs / 1000.0:0.00} s, {delayMs / 1000.0:0.00} s, {requests / ideal:0.00} s)
              first wave            {rows.DescribeFirstWave()}
              every row             {rows.DescribeAll()}
              the fake              {fakeLateness}
              warm-up (not counted) one cold wave of {wave} requests took {warmupSeconds:0.00} s (ideal {delayMs / 1000.0:0.00} s): the start-up of both processes
            {cliLine}
              {(met ? "target met" : "TARGET MISSED")}{(cliRatio is null ? " (hosted harness)" : " (the published CLI's throughput and peak, and the hosted run's)")}
            """));
        if (allocationTypes is not null)
        {
            Console.WriteLine("  allocations by type (sampled):\n" + allocationTypes.Describe(requests));
        }

        if (jitMethods is not null)
        {
            Console.WriteLine(jitMethods.Describe());
        }

        Directory.Delete(folder, recursive: true);
        return met ? 0 : 1;
    }

    /// <summary>The dataset with every request streamed (<c>"stream": true</c>).</summary>
    private static string Streamed(string dataset)
    {
        var lines = File.ReadAllLines(dataset).Select(line =>
        {
            var node = JsonNode.Parse(line)!.AsObject();
            node["stream"] = true;
            return node.ToJsonString();
        });
        var path = Path.Combine(Path.GetDirectoryName(dataset)!, "streamed-" + Path.GetFileName(dataset));
        File.WriteAllLines(path, lines.ToList());
        return path;
    }
}
