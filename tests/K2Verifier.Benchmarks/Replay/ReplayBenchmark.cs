using System.Diagnostics;
using System.Globalization;
using System.Text;
using K2Verifier.Backends;
using K2Verifier.Dataset;
using K2Verifier.Metrics;
using K2Verifier.Results;
using K2Verifier.Running;
using K2Verifier.Validation;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>
/// Replays N requests (default 4,000, built from ../shared/datasets/bfcl) against an instant fake endpoint in a child
/// process at --concurrency 64, and measures in the same run: the fake's own capacity (a raw HttpClient loop, same
/// bodies, same concurrency), the harness's throughput as a ratio of it, the harness's peak memory (VmHWM) and CPU time
/// per request, and the time <c>score</c> takes on the resulting journal.
/// </summary>
internal static class ReplayBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = BenchArgs.Int(args, "--requests", 4000);
        var concurrency = BenchArgs.Int(args, "--concurrency", 64);
        var folder = Path.Combine(Path.GetTempPath(), "k2v-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var dataset = BuildDataset(folder, requests);
        var external = BenchArgs.String(args, "--fake-url");
        using var fake = external is null ? await FakeProcess.StartAsync() : null;
        var baseUrl = fake?.BaseUrl ?? new Uri(external!);
        Console.WriteLine($"fake endpoint {baseUrl}; {requests} requests; concurrency {concurrency}");

        // Warm both paths up (JIT, connection pools) before measuring. The fake gets every body once, so its own JIT
        // and tier-up happen here, not inside the harness's measured window (the raw loop below meets a warm fake).
        var bodies = await WireBodiesAsync(dataset);
        await RawClientLoop.RunAsync(baseUrl, bodies, concurrency);
        await ReplayAsync(baseUrl, BuildDataset(folder, 200, "warmup.jsonl"), folder, concurrency, "warmup");
        Console.WriteLine($"after warm-up: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods jitted");
        if (Environment.GetEnvironmentVariable("K2V_WARM2") == "1")
        {
            await ReplayAsync(baseUrl, BuildDataset(folder, 200, "warmup.jsonl"), folder, concurrency, "warmup");
            Console.WriteLine($"after warm-up 2: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods jitted");
        }

        var loadBefore = LoadAverage();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var jitBefore = (Methods: System.Runtime.JitInfo.GetCompiledMethodCount(), Time: System.Runtime.JitInfo.GetCompilationTime());
        var fakeCpuBefore = fake?.TotalProcessorTime;
        using var jitMethods = JitMethods.StartIfAsked();
        using var allocationTypes = AllocationTicks.StartIfAsked();
        var harness = await ReplayAsync(baseUrl, dataset, folder, concurrency, "results");
        jitMethods?.Dispose();
        allocationTypes?.Dispose();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var replayCpu = harness.LastRowCpu - cpuBefore;
        var allocatedKb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / requests;
        var jitCount = System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore.Methods;
        var jitTime = System.Runtime.JitInfo.GetCompilationTime() - jitBefore.Time;
        var fakeCpuHarness = fake?.TotalProcessorTime - fakeCpuBefore;
        var peakMb = PeakWorkingSetMb();
        var fakeCpuBeforeRaw = fake?.TotalProcessorTime;
        var rawCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var capacity = await RawClientLoop.RunAsync(baseUrl, bodies, concurrency);
        var rawCpu = Process.GetCurrentProcess().TotalProcessorTime - rawCpuBefore;
        var fakeCpuRaw = fake?.TotalProcessorTime - fakeCpuBeforeRaw;
        var published = await PublishedCliAsync(args, baseUrl, dataset, folder, concurrency, requests, fake);
        var loadAfter = LoadAverage();
        var scoreMs = ScoreTimes(Path.Combine(folder, "results.jsonl"));

        var harnessRate = requests / harness.Elapsed.TotalSeconds;
        var replayRate = requests / harness.LastRow.TotalSeconds;
        var report = string.Create(CultureInfo.InvariantCulture, $"""
            replay benchmark ({Environment.ProcessorCount} cores, {RuntimeInformationText()}, {GcText()}; load average before {loadBefore}, after {loadAfter})
              requests                    {requests} (rows written: {harness.Rows}, failed: {harness.Failed})
              fake capacity (raw client)  {capacity:0} req/s
              harness, replay phase       {replayRate:0} req/s   ratio {replayRate / capacity:0.00}   (target >= 0.80)
              harness, end to end         {harnessRate:0} req/s   ratio {harnessRate / capacity:0.00}   (with compaction and summary: {(harness.Elapsed - harness.LastRow).TotalMilliseconds:0} ms)
              harness peak memory         {peakMb:0} MB (VmHWM, whole process)   (target <= 300 MB)
              harness CPU per request     {replayCpu.TotalMilliseconds / requests:0.000} ms replay phase, {cpu.TotalMilliseconds / requests:0.000} ms with compaction and summary
              harness allocations         {allocatedKb:0.0} KB per request (with compaction and summary)
              JIT in the measured run     {jitCount} methods compiled, {jitTime.TotalMilliseconds:0} ms ({jitTime.TotalMilliseconds / requests:0.000} ms per request)
              raw client CPU per request  {rawCpu.TotalMilliseconds / requests:0.000} ms
              fake CPU per request        {PerRequest(fakeCpuHarness, requests)} ms while the harness ran, {PerRequest(fakeCpuRaw, requests)} ms while the raw client ran
            {published}
              score on {requests} rows       best {scoreMs.Min():0} ms, median {scoreMs.Order().ElementAt(scoreMs.Count / 2):0} ms   (target <= 1000 ms)
            """);
        Console.WriteLine(report);
        if (allocationTypes is not null)
        {
            Console.WriteLine("  allocations by type (sampled):\n" + allocationTypes.Describe(requests));
        }

        if (jitMethods is not null)
        {
            Console.WriteLine(jitMethods.Describe());
        }

        Directory.Delete(folder, recursive: true);
        return 0;
    }

    /// <summary>
    /// With <c>--cli DIR</c> (what <c>./run.sh bench replay</c> passes: the CLI it publishes), the same dataset replayed by
    /// that CLI as a child process, <c>--cli-runs N</c> times (default 3) as ./run.sh runs it (with its gen0 budget) and as
    /// many times with the runtime's default GC, alternating: CPU per request of the whole process. With
    /// <c>--reference-cli DIR</c> (an earlier build's CLI folder: its k2verifier.dll run by <c>dotnet</c>, as that
    /// run.sh ran it, or a native k2verifier), that CLI replays the same dataset between them, with the default GC, and the
    /// ratio of the medians is printed: a comparison that holds when the machine's speed drifts between runs.
    /// </summary>
    private static async Task<string> PublishedCliAsync(string[] args, Uri baseUrl, string dataset, string folder, int concurrency, int requests, FakeProcess? fake)
    {
        var cli = BenchArgs.String(args, "--cli");
        if (cli is null)
        {
            return "  published CLI               not measured (--cli DIR: ./run.sh bench replay passes the CLI it publishes)";
        }

        var reference = BenchArgs.String(args, "--reference-cli");
        var build = PublishedCliRun.BuildName(cli);
        var lines = new List<string>();
        var budget = Environment.GetEnvironmentVariable("DOTNET_GCgen0size") is { } value ? $"gen0 budget {value}" : "default GC";
        var current = new List<double>();
        var earlier = new List<double>();
        for (var run = 1; run <= BenchArgs.Int(args, "--cli-runs", 3); run++)
        {
            var kinds = reference is null ? new[] { (cli, false, false), (cli, true, false) } : [(cli, false, false), (cli, true, false), (reference, true, true)];
            foreach (var (folderOfCli, defaultGc, isReference) in kinds)
            {
                var output = Path.Combine(folder, $"cli-{run}-{defaultGc}-{isReference}");
                var fakeBefore = fake?.TotalProcessorTime;
                var (cpu, wall, peakMb, exit) = await PublishedCliRun.RunAsync(folderOfCli, baseUrl, dataset, output, concurrency, defaultGc);
                var rows = File.Exists(Path.Combine(output, "results.jsonl")) ? File.ReadLines(Path.Combine(output, "results.jsonl")).Count() : 0;
                var perRequest = cpu.TotalMilliseconds / requests;
                (isReference ? earlier : current).Add(perRequest);
                var name = isReference ? $"reference CLI ({PublishedCliRun.BuildName(folderOfCli)}, default GC)" : $"published CLI ({build}, {(defaultGc ? "default GC" : budget)})";
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  {name}, run {run}: {perRequest:0.000} ms CPU per request, whole process{(isReference ? string.Empty : " (target <= 0.2)")}, wall {wall.TotalSeconds:0.00} s, peak {peakMb:0} MB, {rows} rows, exit {exit}; fake {PerRequest(fake?.TotalProcessorTime - fakeBefore, requests)} ms per request"));
            }
        }

        if (earlier.Count > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  published / reference CLI   {BenchFigures.Median(current) / BenchFigures.Median(earlier):0.00} (medians {BenchFigures.Median(current):0.000} / {BenchFigures.Median(earlier):0.000} ms CPU per request, same run)"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static async Task<(TimeSpan Elapsed, TimeSpan LastRow, TimeSpan LastRowCpu, int Rows, int Failed)> ReplayAsync(Uri baseUrl, string dataset, string folder, int concurrency, string name)
    {
        var watch = new Stopwatch();
        var observer = new LastRowObserver(watch);
        var (elapsed, summary) = await VendorRun.RunAsync(
            new HttpBackendOptions { BaseUrl = baseUrl, Timeout = TimeSpan.FromSeconds(60) }, dataset, folder, concurrency, name, observer, watch);
        return (elapsed, observer.LastRow, observer.LastRowCpu, summary.TotalRows, summary.FailureCount);
    }

    private static List<double> ScoreTimes(string journal)
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            new ResultsScorer(new CaseEvaluator(new JsonSchemaValidator())).Score(journal, new RunInfo());
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    internal static string BuildDataset(string folder, int requests, string name = "samples.jsonl")
    {
        var source = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "datasets", "bfcl", "samples.jsonl"));
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"the replay benchmark builds its dataset from {source}");
        }

        var lines = File.ReadAllLines(source).Where(l => l.Length > 0).ToList();
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, Enumerable.Range(0, requests).Select(i => lines[i % lines.Count]));
        return path;
    }

    internal static async Task<List<byte[]>> WireBodiesAsync(string dataset)
    {
        var preparer = new K2Verifier.Preparation.RequestPreparer(new() { Model = "bench" });
        var bodies = new List<byte[]>();
        await foreach (var record in DatasetReader.ReadAsync(dataset))
        {
            bodies.Add(Encoding.UTF8.GetBytes(preparer.Prepare(record).WireBodyJson));
        }

        return bodies;
    }

    internal static double PeakWorkingSetMb() =>
        HighWaterMarkKb("self") is > 0 and var kb ? kb / 1024.0 : Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;

    /// <summary>VmHWM of <paramref name="process"/> (a pid, or <c>self</c>) in KB, from /proc; 0 when it cannot be read (a process gone).</summary>
    internal static long HighWaterMarkKb(string process)
    {
        try
        {
            var line = File.ReadLines($"/proc/{process}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

    private static string GcText() => System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC";

    internal static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    internal static string PerRequest(TimeSpan? cpu, int requests) =>
        cpu is { } value ? (value.TotalMilliseconds / requests).ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string RepositoryRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "K2Verifier.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("K2Verifier.sln not found above the benchmark");
    }

    /// <summary>
    /// Notes when the last row was written, and the process's CPU time then: the replay phase ends there, compaction
    /// and the summary follow.
    /// </summary>
    private sealed class LastRowObserver(Stopwatch watch) : IRunObserver
    {
        public TimeSpan LastRow { get; private set; }

        public TimeSpan LastRowCpu { get; private set; }

        public void DatasetLineSkipped(DatasetRecord record)
        {
        }

        public void Started(int datasetLines)
        {
        }

        public void CaseFinished(CaseResult result, RunProgress progress)
        {
            LastRow = watch.Elapsed;
            if (progress.Done >= progress.Total)
            {
                LastRowCpu = Process.GetCurrentProcess().TotalProcessorTime;
            }
        }
    }
}
