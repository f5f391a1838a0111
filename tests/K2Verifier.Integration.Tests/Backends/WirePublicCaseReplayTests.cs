using System.Text.Json;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Infrastructure;
using K2Verifier.Results;
using K2Verifier.Validation;

namespace K2Verifier.Integration.Tests.Backends;

/// <summary>
/// The three public wire defects replayed as streams through the HTTP backend (Kestrel on 127.0.0.1:0): each stream
/// is written in the chunk shape of the server concerned, reconstructed from the public report's description (the
/// reports do not publish the raw bytes): ROCm/ATOM's <c>finish_reason: "stop_163586"</c> (ATOM #1727), vLLM's Kimi K2
/// parser leaking <c>&lt;|tool_calls_section_begin|&gt;</c> into the reasoning delta (vllm-project/vllm PR #28543,
/// MoonshotAI/Kimi-K2 #89), and SGLang's EOS before <c>&lt;|tool_call_end|&gt;</c> (K2-Vendor-Verifier #12).
/// </summary>
public sealed class WirePublicCaseReplayTests
{
    private const string Head = """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1765000000,"model":"fake-k2","choices":[""";
    private const string Usage = """{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1765000000,"model":"fake-k2","choices":[],"usage":{"prompt_tokens":40,"completion_tokens":12,"total_tokens":52}}""";

    public static TheoryData<string, string[], string[]> Cases => new()
    {
        {
            "rocm-atom-stop_163586",
            [
                Chunk("""{"role":"assistant","content":""}"""),
                Chunk("""{"content":"It is sunny in Paris."}"""),
                Chunk("{}", "\"stop_163586\""),
                Usage,
            ],
            ["non_standard_finish_reason"]
        },
        {
            "vllm-section-begin-leak",
            [
                Chunk("""{"role":"assistant","content":""}"""),
                Chunk("""{"reasoning_content":"The user wants the weather. "}"""),
                Chunk("""{"reasoning_content":"<|tool_calls_section_begin|> "}"""),
                Chunk("""{"tool_calls":[{"index":0,"id":"functions.get_weather:0","type":"function","function":{"name":"get_weather","arguments":""}}]}"""),
                Chunk("""{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\": \"Paris\"}"}}]}"""),
                Chunk("{}", "\"tool_calls\""),
                Usage,
            ],
            ["leaked_marker"]
        },
        {
            "sglang-eos-before-tool-call-end",
            [
                Chunk("""{"role":"assistant","content":""}"""),
                Chunk("""{"content":"<|tool_calls_section_begin|><|tool_call_begin|>functions.get_weather:0"}"""),
                Chunk("""{"content":"<|tool_call_argument_begin|>{\"city\": \"Paris\"}"}"""),
                Chunk("{}", "\"stop\""),
                Usage,
            ],
            ["leaked_marker", "leaked_marker", "leaked_marker"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Replay_PublicCase_RowRecordsItsFindings(string name, string[] chunks, string[] codes)
    {
        // Arrange
        var sse = string.Concat(chunks.Select(c => $"data: {c}\n\n")) + "data: [DONE]\n\n";
        await using var harness = await BackendHarness.StartAsync(name, new FakeBehavior(name, async (_, context, ct) =>
        {
            await FakeSse.StartAsync(context, ct);
            await FakeSse.RawAsync(context, sse, ct);
        }));
        var request = FakeVendorRequests.Chat(name, stream: true);
        var evaluator = new CaseEvaluator(JsonSchemaValidator.Default);

        // Act
        var response = await harness.SendAsync(request);
        var row = evaluator.FromBackend(request, response, "2026-12-07T00:00:00.000000");

        // Assert: the findings, and that score recomputes the same ones from the journal line.
        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal(codes, row.WireFindings.Select(f => f.Code));
        Assert.NotNull(row.Stream);
        using var line = JsonDocument.Parse(CaseResultSerializer.ToJson(row));
        var rescored = evaluator.Rescore(line.RootElement);
        Assert.Equal(K2Verifier.Wire.WireJson.ToJson(row.WireFindings), K2Verifier.Wire.WireJson.ToJson(rescored.WireFindings));
        switch (name)
        {
            case "rocm-atom-stop_163586":
                Assert.Equal("stop_163586", row.FinishReason);
                Assert.Equal(3, row.WireFindings[0].Chunk);
                break;
            case "vllm-section-begin-leak":
                Assert.Equal("tool_calls", row.FinishReason);
                Assert.True(row.ToolCallsValid);
                Assert.Equal("choices[0].message.reasoning_content", row.WireFindings[0].Field);
                break;
            default:
                Assert.Equal("stop", row.FinishReason);
                Assert.Equal(["<|tool_calls_section_begin|>", "<|tool_call_begin|>", "<|tool_call_argument_begin|>"], row.WireFindings.Select(f => Marker(f.Excerpt!)));
                break;
        }
    }

    private static string Chunk(string delta, string finish = "null") =>
        Head + $$"""{"index":0,"delta":{{delta}},"finish_reason":{{finish}}}]}""";

    private static string Marker(string excerpt) =>
        K2Verifier.Wire.LeakedMarkers.All.Where(m => excerpt.Contains(m, StringComparison.Ordinal)).OrderBy(m => excerpt.IndexOf(m, StringComparison.Ordinal)).First();
}
