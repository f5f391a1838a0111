using K2Verifier.Backends;

namespace K2Verifier.Core.Tests.Backends;

public sealed class FailureClassifierTests
{
    [Theory]
    [InlineData(400, """{"error":{"code":400,"message":"the request exceeds the available context size, try increasing it","type":"exceed_context_size_error","n_prompt_tokens":5012,"n_ctx":4096}}""")]
    [InlineData(400, """{"object":"error","message":"This model's maximum context length is 4096 tokens. However, you requested 5000 tokens (4900 in the messages, 100 in the completion).","type":"BadRequestError","param":null,"code":400}""")]
    [InlineData(400, """{"error":{"message":"Too long.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}""")]
    [InlineData(400, """{"error":{"message":"context_length_exceeded: This model's maximum context length is 512 tokens","type":"invalid_request_error","code":400}}""")]
    [InlineData(413, "The input (9000 tokens) is longer than the model's context length (8192 tokens).")]
    public void Classify_ContextLengthShapes_AreContextLengthExceeded(int status, string body) =>
        Assert.Equal(BackendFailureCategory.ContextLengthExceeded, FailureClassifier.Classify(status, body));

    [Theory]
    [InlineData(400, """{"error":{"message":"tools[0] is invalid"}}""", BackendFailureCategory.InvalidParameter)]
    [InlineData(401, "", BackendFailureCategory.Authentication)]
    [InlineData(403, null, BackendFailureCategory.Authentication)]
    [InlineData(404, "<html>Not Found</html>", BackendFailureCategory.NotFound)]
    [InlineData(429, "maximum context length", BackendFailureCategory.RateLimited)]
    [InlineData(500, "maximum context length", BackendFailureCategory.ServerError)]
    [InlineData(503, "", BackendFailureCategory.ServerError)]
    [InlineData(409, "", BackendFailureCategory.HttpStatus)]
    public void Classify_Status_MapsToItsCategory(int status, string? body, BackendFailureCategory expected) =>
        Assert.Equal(expected, FailureClassifier.Classify(status, body));

    [Fact]
    public void Classify_ContextWordsOutsideTheErrorObject_AreNotContextLength()
    {
        // A JSON body: only the error's code, type and message count, not an echoed prompt.
        const string Body = """{"error":{"message":"bad tool"},"prompt":"what is the maximum context length?"}""";

        Assert.Equal(BackendFailureCategory.InvalidParameter, FailureClassifier.Classify(400, Body));
    }
}
