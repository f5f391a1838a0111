using System.Diagnostics;
using System.Runtime.InteropServices;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>
/// The CLI as <c>./run.sh</c> published it (Native AOT, or ReadyToRun without a C linker) replaying a dataset as a child
/// process, start to exit: its CPU time (user and system) from the kernel's accounting of reaped children
/// (<c>getrusage(RUSAGE_CHILDREN)</c>) and its peak memory from /proc, so start-up, the dataset's preparation,
/// compaction and the summary all count. This is what a user's run costs; the in-process figures leave out the start,
/// the first connections and the JIT's first calls (a warm-up run goes first there).
/// </summary>
internal static partial class PublishedCliRun
{
    private const int RusageChildren = -1;

    /// <summary>
    /// Runs <c>k2verifier run DATASET --base-url URL …</c> from <paramref name="cliFolder"/> once, with this process's
    /// environment (./run.sh's gen0 budget) or, <paramref name="defaultGc"/>, without <c>DOTNET_GCgen0size</c>.
    /// </summary>
    public static async Task<(TimeSpan Cpu, TimeSpan Wall, double PeakMb, int ExitCode)> RunAsync(
        string cliFolder, Uri baseUrl, string dataset, string outputFolder, int concurrency, bool defaultGc)
    {
        var managed = Managed(cliFolder);
        var start = new ProcessStartInfo(managed is null ? Path.Combine(cliFolder, "k2verifier") : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var args = new List<string>();
        if (managed is not null)
        {
            args.Add(managed);
        }

        args.AddRange(["run", dataset, "--base-url", baseUrl.ToString(), "--model", "bench", "--concurrency", concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--output", Path.Combine(outputFolder, "results.jsonl"), "--summary", Path.Combine(outputFolder, "summary.json")]);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        if (defaultGc)
        {
            start.Environment.Remove("DOTNET_GCgen0size");
        }

        var before = ChildrenCpu();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var drainOut = process.StandardOutput.ReadToEndAsync();
        var drainError = process.StandardError.ReadToEndAsync();
        var peakKb = 0L;
        using var exited = new CancellationTokenSource();
        var exit = process.WaitForExitAsync().ContinueWith(_ => exited.Cancel(), TaskScheduler.Default);
        while (!exited.IsCancellationRequested)
        {
            // The high-water mark only grows: its last reading before the exit is the peak, give or take the last 10 ms.
            peakKb = Math.Max(peakKb, ReplayBenchmark.HighWaterMarkKb(process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            await Task.Delay(10, exited.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        await exit;
        var wall = watch.Elapsed;
        await Task.WhenAll(drainOut, drainError);
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"the published CLI exited {process.ExitCode}: {drainError.Result}");
        }

        return (ChildrenCpu() - before, wall, peakKb / 1024.0, process.ExitCode);
    }

    /// <summary>Which build <paramref name="cliFolder"/> holds: <c>managed</c> (k2verifier.dll: ReadyToRun, or JIT for an earlier build) or <c>Native AOT</c>.</summary>
    public static string BuildName(string cliFolder) => Managed(cliFolder) is null ? "Native AOT" : "managed";

    /// <summary>The ReadyToRun build's k2verifier.dll in <paramref name="cliFolder"/>; null for a native executable.</summary>
    private static string? Managed(string cliFolder) =>
        Path.Combine(cliFolder, "k2verifier.dll") is var dll && File.Exists(dll) ? dll : null;

    /// <summary>
    /// CPU time of the reaped children so far. (Their peak memory, ru_maxrss, would not do: it spans every child since
    /// the exec, the `dotnet publish` of ./run.sh included.)
    /// </summary>
    private static TimeSpan ChildrenCpu()
    {
        if (GetRusage(RusageChildren, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return TimeSpan.FromMicroseconds((usage.UserSeconds + usage.SystemSeconds) * 1_000_000 + usage.UserMicroseconds + usage.SystemMicroseconds);
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRusage(int who, out Rusage usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals, then 14 longs (ru_maxrss first, in KB).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxRss;
        public long IxRss;
        public long IdRss;
        public long IsRss;
        public long MinFlt;
        public long MajFlt;
        public long NSwap;
        public long InBlock;
        public long OuBlock;
        public long MsgSnd;
        public long MsgRcv;
        public long NSignals;
        public long NVcsw;
        public long NIvcsw;
    }
}
