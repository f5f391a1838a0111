using System.Text.Json;
using K2Verifier.Normalization;

namespace K2Verifier.Core.Tests.Normalization;

public sealed class StreamAccumulatorTests
{
    [Fact]
    public void Normalize_ToolCallDeltas_MergedByIndex()
    {
        var sse = Sse(
            """{"id":"c1","created":5,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}""",
            """{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"functions.search:0","type":"function","function":{"name":"search","arguments":"{\"q\":"}}]}}]}""",
            """{"choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"functions.get:1","function":{"name":"get","arguments":"{}"}}]}}]}""",
            """{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"x\"}"}}]}}]}""",
            """{"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}""",
            """{"choices":[],"usage":{"prompt_tokens":10,"completion_tokens":4,"total_tokens":14}}""",
            "[DONE]");

        var response = ResponseNormalizer.Normalize(sse, isStream: true);

        Assert.Equal("tool_calls", response.FinishReason);
        Assert.Equal(2, response.ToolCalls!.Count);
        Assert.Equal("search", response.ToolCalls[0].Name);
        Assert.Equal("functions.search:0", response.ToolCalls[0].Id);
        Assert.Equal("{\"q\":\"x\"}", response.ToolCalls[0].Arguments!.Value.GetString());
        Assert.Equal(new TokenUsage(10, 4, 14), response.Usage);
        Assert.Empty(response.Warnings);
    }

    [Fact]
    public void Normalize_NoFinishReason_CountsAsStop()
    {
        var sse = Sse("""{"choices":[{"delta":{"content":"hel"}}]}""", """{"choices":[{"delta":{"content":"lo"}}]}""", "[DONE]");

        var response = ResponseNormalizer.Normalize(sse, isStream: true, requestModel: "m");

        Assert.Equal("stop", response.FinishReason);
        Assert.Equal("hello", response.Content);
        Assert.Null(response.ToolCalls);
        Assert.Equal("m", JsonDocument.Parse(response.ResponseJson).RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public void Normalize_ReasoningContent_Accumulated()
    {
        var sse = Sse("""{"choices":[{"delta":{"reasoning_content":"think "}}]}""", """{"choices":[{"delta":{"reasoning_content":"more"},"finish_reason":"stop"}]}""", "[DONE]");

        Assert.Equal("think more", ResponseNormalizer.Normalize(sse, isStream: true).ReasoningContent);
    }

    [Fact]
    public void Normalize_CommentsKeepAlivesAndBadEvents_Tolerated()
    {
        var sse = ": ping\n\nevent: message\ndata: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata: not json\n\n: keep-alive\n\ndata: {\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}]}\n\n";

        var response = ResponseNormalizer.Normalize(sse, isStream: true);

        Assert.Equal("length", response.FinishReason);
        Assert.Equal("a", response.Content);
        Assert.Contains(response.Warnings, w => w.Contains("not JSON", StringComparison.Ordinal));
        Assert.Contains(response.Warnings, w => w == "stream ended without [DONE]");
    }

    [Fact]
    public void Normalize_TruncatedStream_Warns()
    {
        var sse = "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata: {\"choi";

        var response = ResponseNormalizer.Normalize(sse, isStream: true);

        Assert.Contains(response.Warnings, w => w.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_UsageInChoice_ReadAsK2vvDoes()
    {
        var sse = Sse("""{"choices":[{"delta":{"content":"a"},"finish_reason":"stop","usage":{"prompt_tokens":3,"completion_tokens":1}}]}""", "[DONE]");

        Assert.Equal(new TokenUsage(3, 1, 4), ResponseNormalizer.Normalize(sse, isStream: true).Usage);
    }

    [Fact]
    public void SseParser_MultiLineData_JoinedWithNewline()
    {
        Assert.Equal(["a\nb", "c"], SseParser.Events("data: a\ndata: b\n\ndata:c\n\n"));
    }

    private static string Sse(params string[] events) => string.Concat(events.Select(e => $"data: {e}\n\n"));
}
