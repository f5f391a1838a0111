using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Infrastructure;
using K2Verifier.Results;

namespace K2Verifier.Integration.Tests.Runs;

/// <summary>
/// Crash safety, for real: the CLI runs as a child process and is killed (SIGKILL) at several points; each rerun with
/// --incremental goes on from the journal, and the final results and summary equal those of an uninterrupted run.
/// The kill lands mid-run by construction, not by timing: the fake answers a set number of requests and holds the rest
/// until the child is killed.
/// </summary>
[Collection(KestrelSmoke.Name)]
public sealed class KillAndResumeTests
{
    private const int Requests = 150;

    private readonly Lock _gateLock = new();
    private int _budget = int.MaxValue;
    private int _answered;
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task Run_KilledAtSeveralPoints_IncrementalResumeEqualsUninterruptedRun()
    {
        // Arrange: deterministic replies by key, held back once the phase's budget of answers is spent.
        await using var server = await FakeVendorServer.StartAsync();
        server.OnRequest = r => Gated(ReplyFor(r.Key));
        var keys = Enumerable.Range(1, Requests).Select(i => i % 5 == 0 ? $"q{i}-stream" : $"q{i}").ToList();
        var clean = RunFixture.Folder();
        var killed = RunFixture.Folder();
        var cleanDataset = RunFixture.Dataset(clean, keys);
        var killedDataset = RunFixture.Dataset(killed, keys);

        // Act: an uninterrupted run, then a run killed three times and resumed.
        Assert.Equal(0, await RunCliAsync(server, cleanDataset, incremental: false, killAfterRows: null));
        var first = true;
        foreach (var killAt in new[] { 10, 40, 50 })
        {
            var exit = await RunCliAsync(server, killedDataset, incremental: !first, killAfterRows: killAt);
            Assert.True(exit != 0, $"the run should have been killed after {killAt} more rows");
            first = false;
        }

        var journalBeforeResume = ResultsFile.Read(Path.Combine(killed, "results.jsonl")).Count(r => r.Result is not null);
        Assert.InRange(journalBeforeResume, 100, Requests - 1);
        Assert.Equal(0, await RunCliAsync(server, killedDataset, incremental: true, killAfterRows: null));

        // Assert
        var expected = RunFixture.Rows(Path.Combine(clean, "results.jsonl"));
        var actual = RunFixture.Rows(Path.Combine(killed, "results.jsonl"));
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (index, row) in expected)
        {
            var other = actual[index];
            Assert.Equal(row.Hash, other.Hash);
            Assert.Equal(row.Status, other.Status);
            Assert.Equal(row.FinishReason, other.FinishReason);
            Assert.Equal(row.ToolCallsValid, other.ToolCallsValid);
        }

        Assert.Equal(RunFixture.Counts(Path.Combine(clean, "summary.json")), RunFixture.Counts(Path.Combine(killed, "summary.json")));
        Assert.Equal(Requests, ResultsFile.Read(Path.Combine(killed, "results.jsonl")).Count());
    }

    /// <summary><paramref name="inner"/> while the phase's budget lasts; past it, the reply waits until the phase ends.</summary>
    private FakeBehavior Gated(FakeBehavior inner) => new("gated " + inner.Name, async (request, context, ct) =>
    {
        Task release;
        lock (_gateLock)
        {
            release = ++_answered > _budget ? _released.Task : Task.CompletedTask;
        }

        await release.WaitAsync(ct);
        await inner.ExecuteAsync(request, context, ct);
    });

    /// <summary>Starts a phase: at most <paramref name="budget"/> requests are answered until <see cref="EndPhase"/>.</summary>
    private void BeginPhase(int budget)
    {
        lock (_gateLock)
        {
            _budget = budget;
            _answered = 0;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private void EndPhase()
    {
        lock (_gateLock)
        {
            _budget = int.MaxValue;
            _released.TrySetResult();
        }
    }

    private static FakeBehavior ReplyFor(string key)
    {
        var n = int.Parse(key.TrimStart('q').Replace("-stream", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        return (n % 3) switch
        {
            0 => FakeReplies.ValidToolCall(),
            1 => FakeReplies.Stop(),
            _ => n % 7 == 0 ? FakeReplies.UndeclaredTool() : FakeReplies.ArgumentsNotJson(),
        };
    }

    private async Task<int> RunCliAsync(FakeVendorServer server, string dataset, bool incremental, int? killAfterRows)
    {
        var folder = Path.GetDirectoryName(dataset)!;
        string[] args = [CliProcess.CliDllPath(), "run", dataset, "--base-url", server.BaseUrl.ToString(), "--model", FakeVendorRequests.Model, "--concurrency", "4"];
        var start = CliProcess.StartInfo("dotnet", folder, incremental ? [.. args, "--incremental"] : args);
        start.RedirectStandardError = true;
        BeginPhase(killAfterRows ?? int.MaxValue);
        using var process = Process.Start(start)!;
        var drainOut = process.StandardOutput.ReadToEndAsync();
        var drainError = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        if (killAfterRows is { } rows)
        {
            var journal = Path.Combine(folder, "results.jsonl");
            var baseline = File.Exists(journal) ? CountLines(journal) : 0;
            while (!process.HasExited && CountLines(journal) < baseline + rows)
            {
                await Task.Delay(5, deadline.Token);
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        EndPhase();
        await process.WaitForExitAsync(deadline.Token);
        await Task.WhenAll(drainOut, drainError);
        if (killAfterRows is null && process.ExitCode != 0)
        {
            Assert.Fail($"k2verifier exited {process.ExitCode}: {drainError.Result}");
        }

        return process.ExitCode;
    }


    private static int CountLines(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var count = 0;
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            if (b == '\n')
            {
                count++;
            }
        }

        return count;
    }
}
