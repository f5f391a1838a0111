using System.Diagnostics;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>The instant fake endpoint as a child process of this benchmark (ends when disposed).</summary>
internal sealed class FakeProcess : IDisposable
{
    private readonly Process _process;

    private FakeProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>The fake's own CPU time so far (user and system), to show it is not the bottleneck.</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <param name="args">The fake's options (<c>--rate R</c>, <c>--delay-ms D</c>); none: instant.</param>
    public static async Task<FakeProcess> StartAsync(params string[] args)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true };
        start.Environment.Remove("DOTNET_GCgen0size"); // the vendor keeps the runtime's GC defaults: run.sh tunes the harness only
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FakeProcess).Assembly.Location);
        }

        start.ArgumentList.Add("fake-server");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                return new FakeProcess(process, new Uri(line["listening ".Length..]));
            }
        }

        process.Kill();
        throw new InvalidOperationException("the fake endpoint did not start");
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                _process.Kill();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
