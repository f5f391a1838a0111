using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using K2Verifier.Cli.Serving;
using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Common;
using K2Verifier.Core.Tests.TestSupport;
using K2Verifier.LocalEngine.Simulation;

namespace K2Verifier.Cli.Tests.Commands;

public sealed class SimulateServerTests
{
    private static string K2v4000 => Path.Combine(Repository.Root, "datasets", "k2v-4000");

    [Fact]
    public async Task Serve_RunAgainstLoopback_SameVerdictsAsInProcessEngine()
    {
        // Arrange: 60 k2v-4000 requests (some streamed), the vllm-0.11.0 simulator served on a free loopback port.
        var (folder, samples) = Prefix(60);
        var labels = ExpectedLabels.Read(Path.Combine(K2v4000, "expected.jsonl"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var server = await SimulatorServer.StartAsync(new SimulatedBackend(SimulationProfile.Vllm0110, labels), samples, 0, timeout.Token);

        // Act
        var (httpExit, _, httpError) = await CliRunner.RunAsync("run", samples, "--base-url", server.BaseUrl.ToString(), "--model", "kimi-k2",
            "--output", Path.Combine(folder, "http.jsonl"), "--summary", Path.Combine(folder, "http.json"), "--retries", "0");
        var (simExit, _, simError) = await CliRunner.RunAsync("run", samples, "--engine", "sim", "--profile", "vllm-0.11.0", "--model", "kimi-k2",
            "--expected", Path.Combine(K2v4000, "expected.jsonl"), "--output", Path.Combine(folder, "sim.jsonl"), "--summary", Path.Combine(folder, "sim.json"));

        // Assert
        Assert.True(httpExit == (int)ExitCode.Ok, httpError);
        Assert.True(simExit == (int)ExitCode.Ok, simError);
        Assert.Equal(Verdicts(Path.Combine(folder, "sim.jsonl")), Verdicts(Path.Combine(folder, "http.jsonl")));
    }

    [Fact]
    public async Task Serve_RequestsSharingMessages_MatchedByIdentitySameAnswersAsInProcess()
    {
        // Arrange: the first 400 lines hold 56 and 112, which share their messages but differ in tools/tool_choice and label
        // (matched by messages alone, 112 was answered as 56).
        var (folder, samples) = Prefix(400);
        var expected = Path.Combine(K2v4000, "expected.jsonl");
        var backend = new SimulatedBackend(SimulationProfile.Reference, ExpectedLabels.Read(expected), seed: 7);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await using var server = await SimulatorServer.StartAsync(backend, samples, 0, timeout.Token);

        // Act
        var (httpExit, _, httpError) = await CliRunner.RunAsync("run", samples, "--base-url", server.BaseUrl.ToString(), "--model", "kimi-k2",
            "--output", Path.Combine(folder, "http.jsonl"), "--summary", Path.Combine(folder, "http.json"), "--retries", "0", "--baseline", expected);
        var (simExit, _, simError) = await CliRunner.RunAsync("run", samples, "--engine", "sim", "--seed", "7", "--model", "kimi-k2",
            "--expected", expected, "--output", Path.Combine(folder, "sim.jsonl"), "--summary", Path.Combine(folder, "sim.json"), "--baseline", expected);

        // Assert: the same answer to every request, so the same summary.
        Assert.True(httpExit == (int)ExitCode.Ok, httpError);
        Assert.True(simExit == (int)ExitCode.Ok, simError);
        Assert.Equal(0, server.UnknownRequests);
        Assert.Equal(Answers(Path.Combine(folder, "sim.jsonl")), Answers(Path.Combine(folder, "http.jsonl")));
        Assert.Equal(Comparable(Path.Combine(folder, "sim.json")), Comparable(Path.Combine(folder, "http.json")));
    }

    [Fact]
    public async Task Serve_UnknownRequest_CountedAndLogged()
    {
        var (_, samples) = Prefix(5);
        using var log = new StringWriter(CultureInfo.InvariantCulture);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = await SimulatorServer.StartAsync(new SimulatedBackend(SimulationProfile.Reference, ExpectedLabels.Empty), samples, 0, timeout.Token, log);
        using var client = new HttpClient();

        using var response = await client.PostAsync(new Uri(server.BaseUrl, "v1/chat/completions"), Json("""{"messages":[{"role":"user","content":"not in the dataset"}]}"""), timeout.Token);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("unknown-request", response.Headers.GetValues("X-K2Verifier-Simulator").Single());
        Assert.Equal(1, server.UnknownRequests);
        Assert.Contains("matches no dataset line", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_FlakyProfile_AnswersTheDrawnFaultsOnTheWire()
    {
        // Arrange: one attempt at each of 60 requests against the flaky profile.
        var (_, samples) = Prefix(60);
        var profile = SimulationProfile.Get("flaky");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var server = await SimulatorServer.StartAsync(new SimulatedBackend(profile, ExpectedLabels.Empty, seed: 1), samples, 0, timeout.Token);
        using var client = new HttpClient();
        var lines = File.ReadAllLines(samples);

        // Act
        var seen = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            try
            {
                using var response = await client.PostAsync(new Uri(server.BaseUrl, "v1/chat/completions"), Json(lines[i]), timeout.Token);
                var retryAfter = response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(CultureInfo.InvariantCulture) ?? "-";
                seen.Add($"{i + 1} {(int)response.StatusCode} {retryAfter}");
            }
            catch (HttpRequestException)
            {
                seen.Add($"{i + 1} reset -");
            }
        }

        // Assert: exactly the faults the in-process transport draws for attempt 1.
        var drawn = Enumerable.Range(1, lines.Length).Select(i => SimulatedFaults.Draw(profile.TransportFaults, 1, i, 1) switch
        {
            null => $"{i} 200 -",
            { StatusCode: 429 } => $"{i} 429 1",
            { StatusCode: int status } => $"{i} {status} -",
            _ => $"{i} reset -",
        }).ToList();
        Assert.Equal(drawn, seen);
        Assert.Contains(seen, s => s.EndsWith(" 429 1", StringComparison.Ordinal));
        Assert.Contains(seen, s => s.Contains(" 503 ", StringComparison.Ordinal) || s.Contains(" reset ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_SlowProfile_WaitsTheDrawnFirstTokenThenPacesTheStream()
    {
        // Arrange: a clock whose timers fire at once and record what they were asked to wait.
        var folder = Directory.CreateTempSubdirectory("k2v-simulate-").FullName;
        var samples = Path.Combine(folder, "samples.jsonl");
        File.WriteAllLines(samples, File.ReadLines(Path.Combine(K2v4000, "samples.jsonl")).Where(l => l.Contains("\"stream\":true", StringComparison.Ordinal)).Take(1));
        var time = new RecordingTimeProvider();
        var backend = new SimulatedBackend(SimulationProfile.Get("slow"), ExpectedLabels.Empty, seed: 2);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = await SimulatorServer.StartAsync(backend, samples, 0, timeout.Token, time: time);
        using var client = new HttpClient();
        var body = JsonNode.Parse(File.ReadLines(samples).Single())!.AsObject();

        // Act
        using var response = await client.PostAsync(new Uri(server.BaseUrl, "v1/chat/completions"), Json(body.ToJsonString()), timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);

        // Assert: the first wait is the drawn time to first token; one wait per SSE event; they add up to the drawn total
        // (timers count whole milliseconds).
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length;
        var tokens = backend.Respond(body, 1, [], stream: true).CompletionTokens;
        var (first, total) = SimulatedFaults.Latency(2, 1, tokens);
        Assert.Equal(events, time.Delays.Count);
        Assert.InRange(time.Delays[0].TotalMilliseconds, first.TotalMilliseconds - 1, first.TotalMilliseconds);
        Assert.InRange(time.Delays.Sum(d => d.TotalMilliseconds), total.TotalMilliseconds - events, total.TotalMilliseconds);
    }

    private static (string Folder, string Samples) Prefix(int lines)
    {
        var folder = Directory.CreateTempSubdirectory("k2v-simulate-").FullName;
        var samples = Path.Combine(folder, "samples.jsonl");
        File.WriteAllLines(samples, File.ReadLines(Path.Combine(K2v4000, "samples.jsonl")).Take(lines));
        return (folder, samples);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static List<string> Verdicts(string results) =>
        [.. File.ReadLines(results).Select(l => JsonNode.Parse(l)!)
            .Select(r => $"{r["data_index"]} {r["finish_reason"]} {r["tool_calls_valid"]}").Order(StringComparer.Ordinal)];

    /// <summary>Each row's verdict and the answer's tool calls (names and arguments).</summary>
    private static List<string> Answers(string results) =>
        [.. File.ReadLines(results).Select(l => JsonNode.Parse(l)!)
            .Select(r => $"{r["data_index"]} {r["finish_reason"]} {r["tool_calls_valid"]} {r["response"]?["choices"]?[0]?["message"]?["tool_calls"]?.ToJsonString()}")
            .Order(StringComparer.Ordinal)];

    /// <summary>The summary without its clock readings.</summary>
    /// <summary>
    /// The summary without clock-derived fields, and without <c>parse</c>: in process the simulator is the engine and
    /// records what its own parser changed; over HTTP a client sees only the response, as with any vendor.
    /// </summary>
    private static string Comparable(string summary)
    {
        var node = JsonNode.Parse(File.ReadAllText(summary))!.AsObject();
        foreach (var key in node.Select(p => p.Key).Where(k => k.StartsWith("eval_", StringComparison.Ordinal) || k is "latency_ms" or "ttft_ms" or "requests_per_second" or "run" or "parse").ToList())
        {
            node.Remove(key);
        }

        return node.ToJsonString();
    }

    /// <summary>Timers fire at once; the waits asked for are recorded in order.</summary>
    private sealed class RecordingTimeProvider : TimeProvider
    {
        private readonly Lock _lock = new();
        private readonly List<TimeSpan> _delays = [];

        public IReadOnlyList<TimeSpan> Delays
        {
            get
            {
                lock (_lock)
                {
                    return [.. _delays];
                }
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            lock (_lock)
            {
                _delays.Add(dueTime);
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new FiredTimer();
        }

        private sealed class FiredTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => false;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => default;
        }
    }
}
