using K2Verifier.Backends;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Infrastructure;

namespace K2Verifier.Integration.Tests.Backends;

/// <summary>Issue 13: error bodies reach the failure message whole (up to the 64 Ki cap) and vendor error shapes get their own categories.</summary>
public sealed class HttpChatBackendErrorTests
{
    // llama.cpp's llama-server answer to a prompt over its context (the detail sits past the first 120 characters).
    private const string LlamaCppContext =
        """{"error":{"code":400,"message":"the request exceeds the available context size, try increasing it","type":"exceed_context_size_error","n_prompt_tokens":5012,"n_ctx":4096}}""";

    [Fact]
    public async Task SendAsync_ErrorBodyLongerThan120Characters_MessageKeepsTheWholeBody()
    {
        await using var harness = await BackendHarness.StartAsync("long", FakeReplies.Status(400, LlamaCppContext));

        BackendResponse response = await harness.SendAsync("long");

        Assert.True(LlamaCppContext.Length > 120);
        Assert.Contains("\"n_prompt_tokens\":5012,\"n_ctx\":4096", response.Failure!.Message, StringComparison.Ordinal);
        Assert.EndsWith(LlamaCppContext, response.Failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, LlamaCppContext, BackendFailureCategory.ContextLengthExceeded)]
    [InlineData(400, """{"object":"error","message":"This model's maximum context length is 4096 tokens. However, you requested 5000 tokens.","type":"BadRequestError","code":400}""", BackendFailureCategory.ContextLengthExceeded)]
    [InlineData(400, """{"error":{"message":"Too long.","type":"invalid_request_error","code":"context_length_exceeded"}}""", BackendFailureCategory.ContextLengthExceeded)]
    [InlineData(400, """{"error":{"message":"temperature must be <= 2","type":"invalid_request_error","param":"temperature"}}""", BackendFailureCategory.InvalidParameter)]
    [InlineData(422, """{"detail":"tools.0.function: field required"}""", BackendFailureCategory.InvalidParameter)]
    [InlineData(401, """{"error":{"message":"Incorrect API key provided"}}""", BackendFailureCategory.Authentication)]
    [InlineData(403, "forbidden", BackendFailureCategory.Authentication)]
    [InlineData(404, "", BackendFailureCategory.NotFound)]
    [InlineData(405, "", BackendFailureCategory.HttpStatus)]
    public async Task SendAsync_VendorErrorShape_MapsToItsCategory(int status, string body, BackendFailureCategory expected)
    {
        await using var harness = await BackendHarness.StartAsync("e", FakeReplies.Status(status, body));

        BackendResponse response = await harness.SendAsync("e");

        Assert.Equal(expected, response.Failure?.Category);
        Assert.Equal(status, response.Failure!.StatusCode);
    }

    [Fact]
    public async Task SendAsync_RateLimitedPastItsBudget_IsRateLimited()
    {
        await using var harness = await BackendHarness.StartAsync("busy", FakeReplies.RateLimited("0"), o => o with { Retry = o.Retry with { RateLimitRetries = 1 } });

        BackendResponse response = await harness.SendAsync("busy");

        Assert.Equal(BackendFailureCategory.RateLimited, response.Failure?.Category);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/plain")]
    public async Task SendAsync_StreamAnsweredWithHtmlPage_IsMalformedJsonWithoutRetry(string contentType)
    {
        const string Page = "<!DOCTYPE html><html><body><form action=\"/login\">Sign in</form></body></html>";
        await using var harness = await BackendHarness.StartAsync("login", FakeReplies.NonJson(Page, contentType));

        BackendResponse response = await harness.SendAsync("login", stream: true);

        Assert.Equal(BackendFailureCategory.MalformedJson, response.Failure?.Category);
        Assert.Contains("<!DOCTYPE html>", response.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(1, response.Attempts);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task SendAsync_400sThenConnectionResets_BreakerOpensBecause400sAreNoSignOfLife()
    {
        await using var harness = await BackendHarness.StartAsync();
        harness.Server.OnRequest = r => r.Sequence <= 6 ? FakeReplies.Status(400) : FakeReplies.ConnectionReset();

        EndpointUnavailableException? unavailable = null;
        for (int i = 1; i <= 20 && unavailable is null; i++)
        {
            try
            {
                await harness.SendAsync($"case {i}");
            }
            catch (EndpointUnavailableException exception)
            {
                unavailable = exception;
            }
        }

        Assert.NotNull(unavailable);
        Assert.Contains("20 consecutive failed attempts", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 400 ×6", unavailable.Message, StringComparison.Ordinal);
    }
}
