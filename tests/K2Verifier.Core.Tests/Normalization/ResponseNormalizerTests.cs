using System.Text.Json;
using K2Verifier.Normalization;

namespace K2Verifier.Core.Tests.Normalization;

public sealed class ResponseNormalizerTests
{
    [Fact]
    public void Normalize_MissingToolCalls_Null()
    {
        var response = ResponseNormalizer.Normalize("""{"choices":[{"message":{"content":"hi"},"finish_reason":"stop"}]}""", false);

        Assert.Equal("stop", response.FinishReason);
        Assert.Null(response.ToolCalls);
        Assert.Equal("hi", response.Content);
    }

    [Fact]
    public void Normalize_ArgumentsAsStringOrObject_KeptAsSent()
    {
        var response = ResponseNormalizer.Normalize(
            """{"choices":[{"message":{"tool_calls":[{"id":"a","function":{"name":"f","arguments":"{\"x\":1}"}},{"function":{"name":"g","arguments":{"y":2}}}]},"finish_reason":"tool_calls"}]}""",
            false);

        Assert.Equal(JsonValueKind.String, response.ToolCalls![0].Arguments!.Value.ValueKind);
        Assert.Equal(JsonValueKind.Object, response.ToolCalls[1].Arguments!.Value.ValueKind);
        Assert.Null(response.ToolCalls[1].Id);
    }

    [Fact]
    public void Normalize_NullFinishReason_Null()
    {
        Assert.Null(ResponseNormalizer.Normalize("""{"choices":[{"message":{},"finish_reason":null}]}""", false).FinishReason);
    }

    [Theory]
    [InlineData("""{"choices":[]}""")]
    [InlineData("""{"error":"boom"}""")]
    [InlineData("[1]")]
    public void Normalize_NoChoices_NoFinishReason(string body)
    {
        Assert.Null(ResponseNormalizer.Normalize(body, false).FinishReason);
    }

    [Fact]
    public void Normalize_NotJson_WarnsInsteadOfThrowing()
    {
        var response = ResponseNormalizer.Normalize("<html>", false);

        Assert.Null(response.FinishReason);
        Assert.Single(response.Warnings);
    }

    [Fact]
    public void Normalize_UsageWithoutTotal_Summed()
    {
        var response = ResponseNormalizer.Normalize("""{"choices":[{"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":2}}""", false);

        Assert.Equal(new TokenUsage(5, 2, 7), response.Usage);
    }
}
