using System.Globalization;
using System.Text.Json;
using K2Verifier.Baselines;
using K2Verifier.Cli;
using K2Verifier.EarlyStop;
using K2Verifier.Gates;
using K2Verifier.Integration.Tests.Infrastructure;
using K2Verifier.Integration.Tests.Runs;
using K2Verifier.Results;

namespace K2Verifier.Integration.Tests.ScaleOut;

/// <summary>
/// <c>run --early-stop</c> against the simulator: a clear pass (reference) exits 0 and a clear fail (vllm-0.11.0) exits 1,
/// each after a fraction of the requests, and the point where the run stopped is exactly where
/// <see cref="EarlyStopMonitor.Replay"/> of the full run's rows in the same seeded order stops.
/// </summary>
public sealed class EarlyStopRunTests
{
    private const int Lines = 1200;
    private const string Gate = "tool_call_f1>=0.80";

    [Theory]
    [InlineData("reference", 0)]
    [InlineData("vllm-0.11.0", 1)]
    public async Task Run_EarlyStop_StopsWhereTheReplayOfTheFullRunStops(string profile, int expectedExit)
    {
        // Arrange: the full run's rows.
        var folder = RunFixture.Folder();
        var dataset = K2v4000Slice.Write(folder, Lines);
        var expected = Path.Combine(folder, "expected.jsonl");
        var full = await RunAsync(dataset, profile, "full");
        Assert.Equal(expectedExit, full);
        var rows = ResultsFile.Read(Path.Combine(folder, "full", "results.jsonl")).Select(r => r.Result!).ToList();
        var replay = EarlyStopMonitor.Replay(rows, [GateExpression.Parse(Gate)], BaselineReader.Read(expected), 0.95, seed: 5);

        // Act
        var exit = await RunAsync(dataset, profile, "early", "--early-stop", "--order-seed", "5");

        // Assert
        Assert.Equal(expectedExit, exit);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "early", "summary.json")));
        var early = summary.RootElement.GetProperty("early_stop");
        Assert.True(early.GetProperty("stopped_early").GetBoolean());
        Assert.Equal(replay.RequestsUsed, early.GetProperty("requests_used").GetInt32());
        Assert.InRange(early.GetProperty("requests_used").GetInt32(), 1, Lines / 2);
        Assert.Equal(expectedExit == 0 ? "pass" : "fail", early.GetProperty("gates")[0].GetProperty("verdict").GetString());
        var sent = File.ReadLines(Path.Combine(folder, "early", "results.jsonl")).Count();
        Assert.InRange(sent, early.GetProperty("requests_used").GetInt32(), Lines - 1);
    }

    [Fact]
    public async Task Run_EarlyStopWithUnsupportedGate_UsageErrorNamingTheMetrics()
    {
        var folder = RunFixture.Folder();
        var dataset = K2v4000Slice.Write(folder, Lines);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var exit = await CliApp.RunAsync(["run", dataset, "--engine", "sim", "--early-stop", "--gate", "latency_ms.p99<=100"], new CliConsole(TextWriter.Null, error));

        Assert.Equal(2, exit);
        Assert.Contains("tool_call_f1", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<int> RunAsync(string dataset, string profile, string name, params string[] extra)
    {
        var folder = Path.GetDirectoryName(dataset)!;
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CliApp.RunAsync(
            ["run", dataset, "--engine", "sim", "--profile", profile, "--seed", "3", "--concurrency", "4", "--baseline", Path.Combine(folder, "expected.jsonl"),
             "--gate", Gate, "--output", Path.Combine(folder, name, "results.jsonl"), "--summary", Path.Combine(folder, name, "summary.json"), .. extra],
            new CliConsole(TextWriter.Null, error));
        Assert.True(exit is 0 or 1, error.ToString());
        return exit;
    }
}
