using System.Globalization;
using System.Text.Json;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Infrastructure;

namespace K2Verifier.Integration.Tests.Published;

/// <summary>
/// The published CLI (<see cref="PublishedCli"/>) on the wire and in process: a run against a loopback vendor (plain and
/// streamed replies, a 429, broken tool calls), <c>simulate</c> serving a run, and the local engine (ONNX Runtime GenAI
/// through P/Invoke), each held to the JIT build's rows.
/// </summary>
[Collection(KestrelSmoke.Name)]
public sealed class PublishedCliServingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "k2v-published", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Run_LoopbackVendor_SameRowsAsTheJitBuild()
    {
        var keys = Enumerable.Range(1, 24).Select(i => i % 3 == 0 ? $"q{i}-stream" : $"q{i}").ToList();
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var build in new[] { "jit", "published" })
        {
            // Arrange: a vendor of its own per build, since a reply sequence (the 429 first) is counted per key.
            await using var server = await FakeVendorServer.StartAsync();
            server.OnRequest = r => ReplyFor(r.Key);
            var folder = Path.Combine(_root, build);
            Directory.CreateDirectory(folder);
            var dataset = Runs.RunFixture.Dataset(folder, keys);
            string[] args = ["run", dataset, "--base-url", server.BaseUrl.ToString(), "--model", FakeVendorRequests.Model, "--concurrency", "4",
                "--output", Path.Combine(folder, "results.jsonl"), "--summary", Path.Combine(folder, "summary.json")];

            // Act
            var (exit, _, error) = build == "jit" ? await PublishedCli.RunJitAsync(args) : await PublishedCli.RunAsync(folder, args);

            // Assert (below): the same rows from both builds.
            Assert.True(exit == 0, $"{build}: exit {exit}: {error}");
            rows[build] = WithoutResponseIds(PublishedCli.Comparable(Path.Combine(folder, "results.jsonl"), folder));
        }

        Assert.Equal(rows["jit"], rows["published"]);
        Assert.Contains("\"wire_findings\"", rows["published"], StringComparison.Ordinal);
        Assert.Contains("\"attempts\": 2", rows["published"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_ServesARunOfThePublishedCli()
    {
        // Arrange: `simulate` on a free loopback port, read from the line it prints.
        K2v4000Slice.Write(_root, 40);
        var samples = Path.Combine(_root, "samples.jsonl");
        using var simulator = PublishedCli.Start(_root, "simulate", "--profile", "vllm-0.11.0", "--port", "0", "--seed", "11",
            "--dataset", samples, "--expected", Path.Combine(_root, "expected.jsonl"));
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? baseUrl = null;
            while (baseUrl is null && await simulator.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                var at = line.IndexOf(" at http", StringComparison.Ordinal);
                baseUrl = line.StartsWith("simulating ", StringComparison.Ordinal) && at > 0 ? line[(at + 4)..line.IndexOf(' ', at + 4)] : null;
            }

            Assert.NotNull(baseUrl);

            // Act
            var run = await PublishedCli.RunAsync(_root, "run", samples, "--base-url", baseUrl, "--model", "kimi-k2", "--concurrency", "4",
                "--output", Path.Combine(_root, "results.jsonl"), "--summary", Path.Combine(_root, "summary.json"));

            // Assert
            Assert.True(run.ExitCode == 0, run.Error);
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_root, "summary.json")));
            Assert.Equal(40, summary.RootElement.GetProperty("success_count").GetInt32());
            Assert.True(summary.RootElement.GetProperty("finish_tool_calls").GetInt32() > 0, "no tool call came back from the simulator");
        }
        finally
        {
            simulator.Kill();
            await simulator.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Run_LocalEngine_SameRowsAsTheJitBuild()
    {
        var shared = Path.GetFullPath(Path.Combine(CliProcess.RepositoryRoot(), "..", "shared"));
        var template = Path.Combine(CliProcess.RepositoryRoot(), "tests", "TestData", "LocalEngine", "hermes-mini.jinja");
        var results = new Dictionary<string, (int Exit, string Rows)>(StringComparer.Ordinal);
        foreach (var build in new[] { "jit", "published" })
        {
            var folder = Path.Combine(_root, build);
            Directory.CreateDirectory(folder);
            var samples = Path.Combine(folder, "samples.jsonl");
            // Line 6 renders past the tiny model's 512-token context: one failed row, as the JIT build reports it.
            File.WriteAllLines(samples, File.ReadLines(Path.Combine(shared, "datasets", "bfcl", "samples.jsonl")).Take(6));
            string[] args = ["run", samples, "--engine", "local", "--model-dir", Path.Combine(shared, "models", "tiny-random-gpt2-fp32"),
                "--chat-template", template, "--tool-format", "hermes", "--temperature", "0", "--max-tokens", "24",
                "--output", Path.Combine(folder, "results.jsonl"), "--summary", Path.Combine(folder, "summary.json")];

            var (exit, _, error) = build == "jit" ? await PublishedCli.RunJitAsync(args) : await PublishedCli.RunAsync(folder, args);

            Assert.True(File.Exists(Path.Combine(folder, "results.jsonl")), $"{build}: exit {exit}, no journal: {error}");
            results[build] = (exit, WithoutResponseIds(PublishedCli.Comparable(Path.Combine(folder, "results.jsonl"), folder)));
        }

        Assert.Equal(results["jit"], results["published"]);
        Assert.Contains("\"status\": \"success\"", results["published"].Rows, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>Deterministic by key: valid and broken tool calls, text, reasoning, and a 429 before the reply.</summary>
    private static FakeBehavior ReplyFor(string key)
    {
        var n = int.Parse(key.TrimStart('q').Replace("-stream", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        return (n % 6) switch
        {
            0 => FakeReplies.ValidToolCall(),
            1 => FakeReplies.Stop(),
            2 => FakeReplies.ArgumentsNotJson(),
            3 => FakeReplies.UndeclaredTool(),
            4 => FakeReplies.Reasoning(),
            _ => FakeReplies.FailTimes(1, FakeReplies.RateLimited("0"), FakeReplies.ValidToolCall()),
        };
    }

    private static string WithoutResponseIds(string rows) =>
        System.Text.RegularExpressions.Regex.Replace(rows, "\"id\": \"[^\"]*\"", "\"id\": \"ID\"");
}
