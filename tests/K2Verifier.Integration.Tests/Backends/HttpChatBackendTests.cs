using System.Text.RegularExpressions;
using K2Verifier.Backends;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Infrastructure;

namespace K2Verifier.Integration.Tests.Backends;

/// <summary>Each scripted vendor reply through <see cref="HttpChatBackend"/>: what is recorded, and how.</summary>
public sealed class HttpChatBackendTests
{
    [Fact]
    public async Task SendAsync_PlainStop_ReturnsRawJsonBody()
    {
        // Arrange
        await using var harness = await BackendHarness.StartAsync("hello", FakeReplies.Stop("Hi there."));

        // Act
        BackendResponse response = await harness.SendAsync("hello");

        // Assert
        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal(200, response.StatusCode);
        Assert.False(response.IsStream);
        Assert.Equal(1, response.Attempts);
        Assert.Null(response.TimeToFirstTokenMs);
        Assert.Empty(response.Warnings);
        Assert.Contains("\"finish_reason\":\"stop\"", response.Body);
        Assert.Contains("Hi there.", response.Body);
        FakeRequest received = Assert.Single(harness.Server.Requests);
        Assert.Equal("/v1/chat/completions", received.Path);
        Assert.Equal(FakeVendorRequests.Chat("hello").WireBodyJson, received.Body);
    }

    [Fact]
    public async Task SendAsync_ValidToolCall_ReturnsArgumentsAsJsonString()
    {
        await using var harness = await BackendHarness.StartAsync("weather", FakeReplies.ValidToolCall());

        BackendResponse response = await harness.SendAsync("weather");

        Assert.True(response.IsSuccess);
        Assert.Contains("\"finish_reason\":\"tool_calls\"", response.Body);
        Assert.Contains("\"id\":\"functions.get_weather:0\"", response.Body);
        Assert.Contains("""
            "arguments":"{\"city\": \"Paris\"}"
            """, response.Body);
    }

    [Fact]
    public async Task SendAsync_StreamedToolCall_KeepsSseTextAndMeasuresTimeToFirstToken()
    {
        await using var harness = await BackendHarness.StartAsync("weather", FakeReplies.ValidToolCall());

        BackendResponse response = await harness.SendAsync("weather", stream: true);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.True(response.IsStream);
        Assert.Equal(200, response.StatusCode);
        Assert.NotNull(response.TimeToFirstTokenMs);
        Assert.InRange(response.TimeToFirstTokenMs!.Value, 0, response.DurationMs);
        Assert.Empty(response.Warnings);
        string body = response.Body!;
        Assert.StartsWith("data: {", body);
        Assert.EndsWith("data: [DONE]\n\n", body);
        Assert.True(Regex.Count(body, "\"arguments\":\"[^\"]") >= 2, "arguments should be split over several deltas");
        Assert.Contains("\"tool_calls\":[{\"index\":0", body);
        Assert.Contains("\"finish_reason\":\"tool_calls\"", body);
        Assert.Contains("\"choices\":[],\"usage\":{", body);
    }

    [Theory]
    [InlineData("not-json-args", "tool_calls", false)]
    [InlineData("not-json-args", "tool_calls", true)]
    [InlineData("undeclared", "tool_calls", false)]
    [InlineData("undeclared", "tool_calls", true)]
    [InlineData("empty-calls", "tool_calls", false)]
    [InlineData("empty-calls", "tool_calls", true)]
    [InlineData("length", "length", false)]
    [InlineData("length", "length", true)]
    [InlineData("reasoning", "stop", true)]
    public async Task SendAsync_AnswerTheVerifierJudges_IsRecordedAsSuccessVerbatim(string key, string finishReason, bool stream)
    {
        await using var harness = await BackendHarness.StartAsync();
        harness.Server.Script("not-json-args", FakeReplies.ArgumentsNotJson())
            .Script("undeclared", FakeReplies.UndeclaredTool())
            .Script("empty-calls", FakeReplies.EmptyToolCalls())
            .Script("length", FakeReplies.Length())
            .Script("reasoning", FakeReplies.Reasoning());

        BackendResponse response = await harness.SendAsync(key, stream);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal(stream, response.IsStream);
        Assert.Contains($"\"finish_reason\":\"{finishReason}\"", response.Body);
        Assert.Equal(1, response.Attempts);
        Assert.Equal(stream && key != "empty-calls", response.TimeToFirstTokenMs is not null);
    }

    [Fact]
    public async Task SendAsync_StreamWithKeepAlivesEventLinesAndNonJsonEvent_SucceedsWithWarnings()
    {
        await using var harness = await BackendHarness.StartAsync("noisy", FakeReplies.NoisyStream());

        BackendResponse response = await harness.SendAsync("noisy", stream: true);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Contains(": ping\n", response.Body);
        Assert.Contains(": keep-alive\r\n", response.Body); // the text is kept exactly as received
        Assert.Contains(response.Warnings, w => w.Contains("2 SSE comment line(s)"));
        Assert.Contains(response.Warnings, w => w.Contains("'event:' line(s) (message)"));
        Assert.Contains(response.Warnings, w => w.Contains("not a JSON object") && w.Contains("this is not json"));
        Assert.NotNull(response.TimeToFirstTokenMs);
    }

    [Fact]
    public async Task SendAsync_StreamWithFinishReasonButNoDone_SucceedsWithWarning()
    {
        await using var harness = await BackendHarness.StartAsync("no-done", FakeReplies.StreamWithoutDone());

        BackendResponse response = await harness.SendAsync("no-done", stream: true);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal(1, response.Attempts);
        Assert.Contains("without [DONE] after finish_reason 'stop'", Assert.Single(response.Warnings));
    }

    [Fact]
    public async Task SendAsync_StreamRequestedButJsonReturned_RecordsJsonWithWarning()
    {
        await using var harness = await BackendHarness.StartAsync();
        harness.Server.OnRequest = request => request.Key == "ignores-stream"
            ? new FakeBehavior("json-despite-stream", (r, context, ct) => FakeReplies.Stop().ExecuteAsync(r with { Stream = false }, context, ct))
            : null;

        BackendResponse response = await harness.SendAsync("ignores-stream", stream: true);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.False(response.IsStream);
        Assert.StartsWith("{", response.Body);
        Assert.Contains(response.Warnings, w => w.Contains("a stream was requested but the response is 'application/json'"));
    }

    [Fact]
    public async Task SendAsync_NonJson200_RecordsMalformedJsonWithoutRetry()
    {
        await using var harness = await BackendHarness.StartAsync("html", FakeReplies.NonJson());

        BackendResponse response = await harness.SendAsync("html");

        Assert.Equal(BackendFailureCategory.MalformedJson, response.Failure?.Category);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("<html><body>502 Bad Gateway</body></html>", response.Body);
        Assert.Equal(1, response.Attempts);
        Assert.Single(harness.Server.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendAsync_RawCompletions_PostsPromptToCompletionsEndpoint(bool stream)
    {
        const string Prompt = "<|im_user|>user<|im_middle|>hi<|im_end|>";
        await using var harness = await BackendHarness.StartAsync(Prompt, FakeReplies.Stop("raw text"), o => o with { UseRawCompletions = true });

        BackendResponse response = await harness.SendAsync(FakeVendorRequests.Completions(Prompt, stream));

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal(stream, response.IsStream);
        Assert.Contains("text_completion", response.Body);
        Assert.Contains("raw", response.Body);
        Assert.Equal(stream, response.TimeToFirstTokenMs is not null);
        FakeRequest received = Assert.Single(harness.Server.Requests);
        Assert.Equal("/v1/completions", received.Path);
        Assert.StartsWith("Bearer ", received.Authorization);
    }

    [Fact]
    public async Task SendAsync_BaseUrlWithTrailingSlash_PostsToSamePath()
    {
        await using var harness = await BackendHarness.StartAsync(o => o with { BaseUrl = new Uri(o.BaseUrl + "/") });

        BackendResponse response = await harness.SendAsync("x");

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal("/v1/chat/completions", Assert.Single(harness.Server.Requests).Path);
    }

    [Fact]
    public async Task SendAsync_ClientError_RecordedWithoutRetry()
    {
        await using var harness = await BackendHarness.StartAsync("bad", FakeReplies.Status(400, """{"error":{"message":"tools[0] is invalid"}}"""));

        BackendResponse response = await harness.SendAsync("bad");

        Assert.Equal(BackendFailureCategory.InvalidParameter, response.Failure?.Category);
        Assert.Equal(400, response.Failure!.StatusCode);
        Assert.Contains("HTTP 400", response.Failure.Message);
        Assert.Contains("tools[0] is invalid", response.Failure.Message);
        Assert.Equal(1, response.Attempts);
        Assert.Equal(400, response.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendAsync_HugeErrorBody_KeptUpToTheCapWithATruncationNote(bool stream)
    {
        string page = "<html>" + new string('x', 3 * 1024 * 1024) + "</html>";
        await using var harness = await BackendHarness.StartAsync("huge", FakeReplies.Status(400, page));

        BackendResponse response = await harness.SendAsync("huge", stream);

        Assert.Equal(400, response.Failure?.StatusCode);
        Assert.StartsWith("<html>xxx", response.Body, StringComparison.Ordinal);
        Assert.Contains("… [error body truncated at 65536 characters; ", response.Body, StringComparison.Ordinal);
        Assert.InRange(response.Body!.Length, HttpChatBackend.MaxErrorBodyChars, HttpChatBackend.MaxErrorBodyChars + 100);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new HttpBackendOptions
        {
            BaseUrl = new Uri("ftp://example.com/v1"),
            Timeout = TimeSpan.Zero,
            Retry = new RetryOptions { Retries = -1 },
        };

        var exception = Assert.Throws<ArgumentException>(() => new HttpChatBackend(options));

        Assert.Contains("base URL", exception.Message);
        Assert.Contains("timeout must be", exception.Message);
        Assert.Contains("retries must be", exception.Message);
    }
}
