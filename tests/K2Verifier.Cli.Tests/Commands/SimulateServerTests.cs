using System.Text.Json.Nodes;
using K2Verifier.Cli.Serving;
using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Common;
using K2Verifier.Core.Tests.TestSupport;
using K2Verifier.LocalEngine.Simulation;

namespace K2Verifier.Cli.Tests.Commands;

public sealed class SimulateServerTests
{
    [Fact]
    public async Task Serve_RunAgainstLoopback_SameVerdictsAsInProcessEngine()
    {
        // Arrange: 60 k2v-4000 requests (some streamed), the vllm-0.11.0 simulator served on a free loopback port.
        var source = Path.Combine(Repository.Root, "datasets", "k2v-4000");
        var folder = Directory.CreateTempSubdirectory("k2v-simulate-").FullName;
        var samples = Path.Combine(folder, "samples.jsonl");
        File.WriteAllLines(samples, File.ReadLines(Path.Combine(source, "samples.jsonl")).Take(60));
        var labels = ExpectedLabels.Read(Path.Combine(source, "expected.jsonl"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var server = await SimulatorServer.StartAsync(new SimulatedBackend(SimulationProfile.Vllm0110, labels), samples, 0, timeout.Token);

        // Act
        var (httpExit, _, httpError) = await CliRunner.RunAsync("run", samples, "--base-url", server.BaseUrl.ToString(), "--model", "kimi-k2",
            "--output", Path.Combine(folder, "http.jsonl"), "--summary", Path.Combine(folder, "http.json"), "--retries", "0");
        var (simExit, _, simError) = await CliRunner.RunAsync("run", samples, "--engine", "sim", "--profile", "vllm-0.11.0", "--model", "kimi-k2",
            "--expected", Path.Combine(source, "expected.jsonl"), "--output", Path.Combine(folder, "sim.jsonl"), "--summary", Path.Combine(folder, "sim.json"));

        // Assert
        Assert.True(httpExit == (int)ExitCode.Ok, httpError);
        Assert.True(simExit == (int)ExitCode.Ok, simError);
        Assert.Equal(Verdicts(Path.Combine(folder, "sim.jsonl")), Verdicts(Path.Combine(folder, "http.jsonl")));
    }

    private static List<string> Verdicts(string results) =>
        [.. File.ReadLines(results).Select(l => JsonNode.Parse(l)!)
            .Select(r => $"{r["data_index"]} {r["finish_reason"]} {r["tool_calls_valid"]}").Order(StringComparer.Ordinal)];
}
