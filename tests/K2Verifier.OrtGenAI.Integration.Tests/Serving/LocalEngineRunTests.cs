using System.Text.Json;
using K2Verifier.Common;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace K2Verifier.OrtGenAI.Integration.Tests.Serving;

/// <summary><c>run --engine local</c> end to end: 40 BFCL requests on tiny-random-gpt2, journal, summary and report.</summary>
public sealed class LocalEngineRunTests(ITestOutputHelper output)
{
    [NativeFact]
    public async Task Run_FortyBfclRequests_EveryRowOnceWithTheEnginesOutcomeAndAConsistentSummary()
    {
        using var folder = new TemporaryFolder();
        var report = Path.Combine(folder.Path, "report");
        var started = TimeProvider.System.GetTimestamp();

        var run = await LocalRun.RunAsync(folder, LocalRun.FirstFortyBfclLines(folder), "--max-tokens", "64", "--report-dir", report);

        output.WriteLine($"{TimeProvider.System.GetElapsedTime(started).TotalSeconds:0.0} s");
        output.WriteLine(run.Out);
        Assert.True(run.ExitCode == (int)ExitCode.Ok, run.Error);
        // The header goes to stderr before the progress lines (issue 13: with stderr redirected it came after them).
        // The default --concurrency (5) asks for a batch: the estimate counts 5 sequences, and GenAI's engine refuses gpt2.
        Assert.Contains("local engine: weights 564.6 KiB on disk, KV cache 3.1 MiB for 512 tokens × 5 sequences held at once", run.Error);
        Assert.Contains("GenAI's engine cannot batch this model (", run.Error);
        Assert.Contains("serving a copy whose tokenizer is trimmed to the logits", run.Error);
        Assert.Contains("requests run one at a time", run.Error);
        Assert.InRange(run.Error.IndexOf("local engine:", StringComparison.Ordinal), 0, run.Error.IndexOf("replaying ", StringComparison.Ordinal));

        Assert.Equal(Enumerable.Range(1, 40), run.Rows.Select(r => r.GetProperty("data_index").GetInt32()));
        var failed = run.Rows.Where(r => r.GetProperty("status").GetString() == "failed").ToArray();
        Assert.Equal([6, 35], failed.Select(r => r.GetProperty("data_index").GetInt32()));
        Assert.All(failed, r =>
        {
            Assert.Equal(400, r.GetProperty("error").GetProperty("status_code").GetInt32());
            Assert.Equal("context_length_exceeded", r.GetProperty("error").GetProperty("category").GetString());
            Assert.Contains("context_length_exceeded: This model's maximum context length is 512 tokens", r.GetProperty("error").GetProperty("message").GetString());
        });

        var succeeded = run.Rows.Where(r => r.GetProperty("status").GetString() == "success").ToArray();
        Assert.All(succeeded, r =>
        {
            // The row's finish_reason is what the engine's response said, and the completion never exceeds --max-tokens.
            var response = r.GetProperty("response");
            Assert.Equal(response.GetProperty("choices")[0].GetProperty("finish_reason").GetString(), r.GetProperty("finish_reason").GetString());
            Assert.InRange(response.GetProperty("usage").GetProperty("completion_tokens").GetInt32(), 1, 64);
            Assert.Equal("tiny-random-gpt2-fp32", response.GetProperty("model").GetString());
        });

        Assert.Equal(38, run.Count("success_count"));
        Assert.Equal(2, run.Count("failure_count"));
        Assert.Equal(38, run.Count("finish_stop") + run.Count("finish_tool_calls") + run.Count("finish_others"));
        Assert.Equal(succeeded.Count(r => r.GetProperty("finish_reason").GetString() == "length"), run.Count("finish_others"));
        Assert.Equal(
            succeeded.Sum(r => r.GetProperty("response").GetProperty("usage").GetProperty("prompt_tokens").GetInt32()),
            run.Summary.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.Equal("local://tiny-random-gpt2-fp32", run.Summary.GetProperty("run").GetProperty("endpoint").GetString());
        Assert.True(Directory.GetFiles(report).Length > 0, "the report folder is empty");
        Assert.Contains($"wrote {report}", run.Out);
    }

    [NativeFact]
    public async Task Run_SameRequestsTwice_IsDeterministicWithGreedyDecoding()
    {
        using var first = new TemporaryFolder();
        using var second = new TemporaryFolder();
        var samples = LocalRun.FirstFortyBfclLines(first);

        var a = await LocalRun.RunAsync(first, samples, "--max-tokens", "16");
        var b = await LocalRun.RunAsync(second, samples, "--max-tokens", "16");

        Assert.Equal(Texts(a), Texts(b));
        Assert.Contains(Texts(a), t => t.Length > 0);
    }

    [NativeFact]
    public async Task Run_StreamingRequests_AreSseWithTimeToFirstToken()
    {
        using var folder = new TemporaryFolder();
        var samples = Path.Combine(folder.Path, "stream.jsonl");
        File.WriteAllLines(samples, File.ReadLines(LocalRun.FirstFortyBfclLines(folder)).Take(3).Select(line =>
        {
            var body = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
            body["stream"] = true;
            return body.ToJsonString();
        }));

        var run = await LocalRun.RunAsync(folder, samples, "--max-tokens", "24");

        Assert.True(run.ExitCode == (int)ExitCode.Ok, run.Error);
        Assert.All(run.Rows, r =>
        {
            Assert.Equal("success", r.GetProperty("status").GetString());
            Assert.Equal("length", r.GetProperty("finish_reason").GetString());
            Assert.True(r.GetProperty("ttft_ms").GetInt64() >= 0);
            Assert.True(r.GetProperty("ttft_ms").GetInt64() <= r.GetProperty("duration_ms").GetInt64());
            // Accumulated from the deltas: usage came from the usage chunk.
            Assert.Equal(24, r.GetProperty("response").GetProperty("usage").GetProperty("completion_tokens").GetInt32());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("response").GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()));
        });
        Assert.Equal(3, run.Summary.GetProperty("ttft_ms").GetProperty("count").GetInt32());
    }

    private static string[] Texts(LocalRun run) =>
        [.. run.Rows.Select(r => r.GetProperty("response").ValueKind == JsonValueKind.Object && r.GetProperty("response").TryGetProperty("raw_completion_text", out var text) ? text.GetString()! : string.Empty)];
}
