using System.Text.Json.Nodes;
using K2Verifier.Common;
using K2Verifier.Core.Tests.TestSupport;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;
using K2Verifier.OrtGenAI.Integration.Tests.Serving;
using Xunit.Abstractions;

namespace K2Verifier.OrtGenAI.Integration.Tests.Batching;

/// <summary>
/// <c>run --engine local --enforce</c> on 200 BFCL requests with <c>tool_choice: "required"</c> on the tiny llama
/// model: batched through GenAI's engine (<c>--concurrency 8</c>) it writes the same rows as one at a time
/// (<c>--concurrency 1</c>), timings aside, and every enforced call is schema-valid.
/// </summary>
public sealed class BatchedRunTests(TinyLlamaFolder model, ITestOutputHelper output) : IClassFixture<TinyLlamaFolder>
{
    private static readonly string[] Timings = ["duration_ms", "ttft_ms", "last_run_at", "created"];

    [NativeFact]
    public async Task Run_200BfclRequestsEnforced_Concurrency8GivesTheRowsOfConcurrency1()
    {
        using var data = new TemporaryFolder();
        var samples = Path.Combine(data.Path, "bfcl-200.jsonl");
        File.WriteAllLines(samples, File.ReadLines(Repository.Shared("datasets", "bfcl", "samples.jsonl")).Take(200));
        string[] options = ["--enforce", "--extra-body", """{"tool_choice": "required"}""", "--max-failure-rate", "1"];
        using var one = new TemporaryFolder();
        using var eight = new TemporaryFolder();

        var sequential = await LocalRun.RunOnAsync(model.Path, one, samples, [.. options, "--concurrency", "1"]);
        var batched = await LocalRun.RunOnAsync(model.Path, eight, samples, [.. options, "--concurrency", "8"]);

        Assert.True(sequential.ExitCode == (int)ExitCode.Ok, sequential.Error);
        Assert.True(batched.ExitCode == (int)ExitCode.Ok, batched.Error);
        Assert.Contains("requests run one at a time", sequential.Error);
        Assert.Contains("up to 8 requests generate together through GenAI's engine", batched.Error);
        Assert.Equal(200, batched.Rows.Length);
        var expected = sequential.Rows.OrderBy(r => r.GetProperty("data_index").GetInt32()).Select(WithoutTimings).ToArray();
        var actual = batched.Rows.OrderBy(r => r.GetProperty("data_index").GetInt32()).Select(WithoutTimings).ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i] == actual[i], $"row {i + 1}:\n{expected[i]}\n{actual[i]}");
        }

        var calls = batched.Count("finish_tool_calls");
        output.WriteLine($"{calls} rows with tool calls, {batched.Count("success_count")} successful");
        Assert.True(calls > 0);
        Assert.Equal(0, batched.Count("schema_validation_error_count"));
        Assert.Equal(1.0, batched.Summary.GetProperty("schema_accuracy").GetDouble());
    }

    private static string WithoutTimings(System.Text.Json.JsonElement row)
    {
        var node = JsonNode.Parse(row.GetRawText())!;
        Strip(node);
        return node.ToJsonString();
    }

    private static void Strip(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var name in Timings)
            {
                obj.Remove(name);
            }

            foreach (var (_, child) in obj)
            {
                Strip(child);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                Strip(child);
            }
        }
    }
}
