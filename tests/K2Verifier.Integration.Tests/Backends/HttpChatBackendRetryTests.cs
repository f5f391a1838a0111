using System.Diagnostics;
using System.Globalization;
using K2Verifier.Backends;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Infrastructure;

namespace K2Verifier.Integration.Tests.Backends;

/// <summary>Retries, their two budgets, <c>Retry-After</c>, timeouts and cancellation.</summary>
public sealed class HttpChatBackendRetryTests
{
    private static readonly Func<HttpBackendOptions, HttpBackendOptions> MaxDelay60s =
        o => o with { Retry = o.Retry with { MaxDelay = TimeSpan.FromSeconds(60) } };

    [Fact]
    public async Task SendAsync_RateLimitedWithRetryAfterOneSecond_WaitsThenSucceeds()
    {
        // Arrange: real clock, so the gap is what the fake saw on the wire.
        await using var harness = await BackendHarness.StartAsync("busy", FakeReplies.Sequence(FakeReplies.RateLimited("1"), FakeReplies.Stop()));

        // Act
        BackendResponse response = await harness.SendAsync("busy");

        // Assert
        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal(2, response.Attempts);
        IReadOnlyList<FakeRequest> attempts = harness.Server.RequestsFor("busy");
        Assert.Equal(2, attempts.Count);
        Assert.InRange(attempts[1].ReceivedAt - attempts[0].ReceivedAt, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(5));
        Assert.InRange(response.DurationMs, 950, 10_000);
        string note = Assert.Single(response.Warnings);
        Assert.Contains("attempt 1 failed (HTTP 429", note);
        Assert.Contains("retried after 1000 ms", note);
    }

    [Theory]
    [InlineData("http-date", 7)]
    [InlineData("86400", 60)]
    [InlineData("3", 3)]
    public async Task SendAsync_RetryAfter_SetsTheWaitCappedAtMaxDelay(string retryAfter, int expectedSeconds)
    {
        var clock = new InstantDelayTimeProvider();
        string header = retryAfter == "http-date" ? clock.Now.AddSeconds(7).ToString("r", CultureInfo.InvariantCulture) : retryAfter;
        await using var harness = await BackendHarness.StartAsync(
            "busy", FakeReplies.Sequence(FakeReplies.RateLimited(header), FakeReplies.Stop()), MaxDelay60s, clock);

        BackendResponse response = await harness.SendAsync("busy");

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal([TimeSpan.FromSeconds(expectedSeconds)], clock.Delays);
    }

    [Fact]
    public async Task SendAsync_ServerErrorWithoutRetryAfter_BacksOffExponentially()
    {
        var clock = new InstantDelayTimeProvider();
        await using var harness = await BackendHarness.StartAsync("down", FakeReplies.ServerError(), o => o with
        {
            Retry = new RetryOptions { BaseDelay = TimeSpan.FromSeconds(1), UseJitter = false },
        }, clock);

        BackendResponse response = await harness.SendAsync("down");

        Assert.Equal(4, response.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], clock.Delays);
    }

    [Fact]
    public async Task SendAsync_ServerErrorTwiceThenSuccess_SucceedsOnThirdAttempt()
    {
        await using var harness = await BackendHarness.StartAsync("flaky", FakeReplies.FailTimes(2, FakeReplies.ServerError()));

        BackendResponse response = await harness.SendAsync("flaky");

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal(3, response.Attempts);
        Assert.Equal(2, response.Warnings.Count);
        Assert.Equal(3, harness.Server.RequestsFor("flaky").Count);
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
    public async Task SendAsync_RateLimitedEveryTime_UsesRateLimitCapNotGeneralCap()
    {
        await using var harness = await BackendHarness.StartAsync(
            "busy", FakeReplies.RateLimited("0"), o => o with { Retry = o.Retry with { Retries = 1, RateLimitRetries = 5 } });

        BackendResponse response = await harness.SendAsync("busy");

        Assert.Equal(6, response.Attempts);
        Assert.Equal(429, response.Failure?.StatusCode);
        Assert.Equal(6, harness.Server.RequestsFor("busy").Count);
    }

    [Fact]
    public async Task SendAsync_RateLimitsAndServerErrorsMixed_EachSpendsItsOwnBudget()
    {
        // 429 and 500 alternate; 1 general retry and 2 rate-limit retries allow 429, 500, 429, then the second 500 is final.
        FakeBehavior mixed = FakeReplies.Sequence(
            FakeReplies.RateLimited("0"), FakeReplies.ServerError(), FakeReplies.RateLimited("0"), FakeReplies.ServerError(), FakeReplies.Stop());
        await using var harness = await BackendHarness.StartAsync("mixed", mixed, o => o with { Retry = o.Retry with { Retries = 1, RateLimitRetries = 2 } });

        BackendResponse response = await harness.SendAsync("mixed");

        Assert.Equal(4, response.Attempts);
        Assert.Equal(500, response.Failure?.StatusCode);
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

    [Fact]
    public async Task SendAsync_ReplySlowerThanTimeout_RecordsTimeoutAfterEachAttemptTimedOut()
    {
        await using var harness = await BackendHarness.StartAsync(
            "slow", FakeReplies.Slow(TimeSpan.FromSeconds(30)), o => o with { Timeout = TimeSpan.FromMilliseconds(300), Retry = o.Retry with { Retries = 1 } });
        var stopwatch = Stopwatch.StartNew();

        BackendResponse response = await harness.SendAsync("slow");

        Assert.Equal(BackendFailureCategory.Timeout, response.Failure?.Category);
        Assert.Contains("per-attempt timeout of 0.3 s", response.Failure!.Message);
        Assert.Equal(2, response.Attempts);
        Assert.InRange(response.DurationMs, 590, 10_000);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(590), TimeSpan.FromSeconds(10));
        Assert.Equal(2, harness.Server.RequestsFor("slow").Count);
    }

    [Fact]
    public async Task SendAsync_StreamStallsPastTimeout_RecordsTimeoutWithPartialStream()
    {
        var stall = new FakeBehavior("stall-mid-stream", async (request, context, ct) =>
        {
            await FakeSse.StartAsync(context, ct);
            await FakeSse.DataAsync(context, FakeWire.Chunks(new FakeCompletion { Content = "partial" }, request)[1], ct);
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
        });
        await using var harness = await BackendHarness.StartAsync(
            "stall", stall, o => o with { Timeout = TimeSpan.FromMilliseconds(400), Retry = o.Retry with { Retries = 0 } });

        BackendResponse response = await harness.SendAsync("stall", stream: true);

        Assert.Equal(BackendFailureCategory.Timeout, response.Failure?.Category);
        Assert.True(response.IsStream);
        Assert.StartsWith("data: {", response.Body);
        Assert.Equal(1, response.Attempts);
    }

    [Fact]
    public async Task SendAsync_CallerCancelsDuringSlowReply_ThrowsOperationCanceled()
    {
        var (slow, arrived) = Signalled(FakeReplies.Slow(TimeSpan.FromSeconds(30)), afterReply: false);
        await using var harness = await BackendHarness.StartAsync("slow", slow);
        using var cancel = new CancellationTokenSource();
        Task<BackendResponse> send = harness.Backend.SendAsync(FakeVendorRequests.Chat("slow"), cancel.Token);
        await arrived.WaitAsync(TimeSpan.FromSeconds(20));
        var stopwatch = Stopwatch.StartNew();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Single(harness.Server.RequestsFor("slow"));
    }

    [Fact]
    public async Task SendAsync_CallerCancelsDuringRetryWait_ThrowsOperationCanceled()
    {
        var (busy, answered) = Signalled(FakeReplies.RateLimited("30"), afterReply: true);
        await using var harness = await BackendHarness.StartAsync("busy", busy, MaxDelay60s);
        using var cancel = new CancellationTokenSource();
        Task<BackendResponse> send = harness.Backend.SendAsync(FakeVendorRequests.Chat("busy"), cancel.Token);
        await answered.WaitAsync(TimeSpan.FromSeconds(20));
        var stopwatch = Stopwatch.StartNew();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Single(harness.Server.RequestsFor("busy"));
    }

    /// <summary>
    /// <paramref name="inner"/>, plus a task that completes when the fake got the request (or has answered it): the
    /// cancellation tests cancel then, not after a fixed delay, which the first request of a fresh client (connect,
    /// first JIT) can outlast on a loaded machine.
    /// </summary>
    private static (FakeBehavior Behavior, Task Signal) Signalled(FakeBehavior inner, bool afterReply)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var behavior = new FakeBehavior(inner.Name + ", signalled", async (request, context, ct) =>
        {
            if (!afterReply)
            {
                signal.TrySetResult();
            }

            await inner.ExecuteAsync(request, context, ct);
            signal.TrySetResult();
        });
        return (behavior, signal.Task);
    }
}
