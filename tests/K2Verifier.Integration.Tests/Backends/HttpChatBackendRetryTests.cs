using K2Verifier.Backends;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Infrastructure;

namespace K2Verifier.Integration.Tests.Backends;

/// <summary>
/// Retries over real sockets: a 429 with <c>Retry-After</c>, 5xx bodies, resets and truncated streams as Kestrel sends
/// them. Budgets, waits, timeouts and cancellation are tested on a scripted handler (K2Verifier.Core.Tests/Backends/Http).
/// </summary>
[Collection(KestrelSmoke.Name)]
public sealed class HttpChatBackendRetryTests
{
    [Fact]
    public async Task SendAsync_RateLimitedWithRetryAfterOneSecond_WaitsThenSucceeds()
    {
        // Arrange: the wait is taken on a clock that skips it (and records it).
        var clock = new InstantDelayTimeProvider();
        await using var harness = await BackendHarness.StartAsync("busy", FakeReplies.Sequence(FakeReplies.RateLimited("1"), FakeReplies.Stop()), timeProvider: clock);

        // Act
        BackendResponse response = await harness.SendAsync("busy");

        // Assert
        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, harness.Server.RequestsFor("busy").Count);
        Assert.InRange(Assert.Single(clock.Delays), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)); // the cool-down left after the reply was read
        string note = Assert.Single(response.Warnings);
        Assert.Contains("attempt 1 failed (HTTP 429", note);
        Assert.Contains("retried after", note); // the cool-down left when the retry was planned (real time passes meanwhile)
    }

    [Fact]
    public async Task SendAsync_ServerErrorEveryTime_RecordsServerErrorAfterRetriesPlusOneAttempts()
    {
        await using var harness = await BackendHarness.StartAsync("down", FakeReplies.ServerError(503));

        BackendResponse response = await harness.SendAsync("down");

        Assert.Equal(BackendFailureCategory.ServerError, response.Failure?.Category);
        Assert.Equal(503, response.Failure!.StatusCode);
        Assert.Equal(503, response.StatusCode);
        Assert.Equal(4, response.Attempts);
        Assert.Contains("after 4 attempts", response.Failure.Message);
        Assert.Contains("fake vendor error 503", response.Body);
        Assert.Equal(4, harness.Server.RequestsFor("down").Count);
    }

    [Fact]
    public async Task SendAsync_ConnectionResetThenSuccess_Retries()
    {
        await using var harness = await BackendHarness.StartAsync("reset-once", FakeReplies.FailTimes(1, FakeReplies.ConnectionReset()));

        BackendResponse response = await harness.SendAsync("reset-once");

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal(2, response.Attempts);
        Assert.Contains("connection", Assert.Single(response.Warnings));
    }

    [Fact]
    public async Task SendAsync_ConnectionResetEveryTime_RecordsConnectionFailure()
    {
        await using var harness = await BackendHarness.StartAsync("reset", FakeReplies.ConnectionReset());

        BackendResponse response = await harness.SendAsync("reset");

        Assert.Equal(BackendFailureCategory.Connection, response.Failure?.Category);
        Assert.Null(response.StatusCode);
        Assert.Null(response.Body);
        Assert.Equal(4, response.Attempts);
    }

    [Fact]
    public async Task SendAsync_TruncatedStream_RetriedThenRecordedWithPartialBody()
    {
        await using var harness = await BackendHarness.StartAsync("cut", FakeReplies.TruncatedStream());

        BackendResponse response = await harness.SendAsync("cut", stream: true);

        Assert.Equal(BackendFailureCategory.TruncatedStream, response.Failure?.Category);
        Assert.Contains("before [DONE] and before any finish_reason", response.Failure!.Message);
        Assert.True(response.IsStream);
        Assert.Equal(4, response.Attempts);
        Assert.Contains("data: {", response.Body);
        Assert.DoesNotContain("[DONE]", response.Body);
    }

    [Fact]
    public async Task SendAsync_TruncatedStreamThenComplete_Succeeds()
    {
        await using var harness = await BackendHarness.StartAsync(
            "cut-once", FakeReplies.FailTimes(1, FakeReplies.TruncatedStream(), FakeReplies.ValidToolCall()));

        BackendResponse response = await harness.SendAsync("cut-once", stream: true);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal(2, response.Attempts);
        Assert.Contains("[DONE]", response.Body);
        Assert.DoesNotContain("never ends", response.Body); // only the last attempt's body is kept
    }
}
