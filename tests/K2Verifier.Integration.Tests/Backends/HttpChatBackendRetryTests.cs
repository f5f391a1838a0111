using System.Diagnostics;
using System.Globalization;
using K2Verifier.Backends;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Infrastructure;

namespace K2Verifier.Integration.Tests.Backends;

/// <summary>Retries, their two budgets, <c>Retry-After</c>, timeouts and cancellation.</summary>
public sealed class HttpChatBackendRetryTests
{
    [Fact]
    public async Task SendAsync_RateLimitedWithRetryAfterOneSecond_WaitsThenSucceeds()
    {
        // Arrange: real clock, so the gap is what the fake saw on the wire.
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("busy", FakeReplies.Sequence(FakeReplies.RateLimited("1"), FakeReplies.Stop()));
        using var backend = TestBackends.For(server);
        using var deadline = TestBackends.Deadline();

        // Act
        BackendResponse response = await backend.SendAsync(FakeVendorRequests.Chat("busy"), deadline.Token);

        // Assert
        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal(2, response.Attempts);
        IReadOnlyList<FakeRequest> attempts = server.RequestsFor("busy");
        Assert.Equal(2, attempts.Count);
        TimeSpan gap = attempts[1].ReceivedAt - attempts[0].ReceivedAt;
        Assert.InRange(gap, TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(5));
        Assert.InRange(response.DurationMs, 950, 10_000);
        string note = Assert.Single(response.Warnings);
        Assert.Contains("attempt 1 failed (HTTP 429", note);
        Assert.Contains("retried after 1000 ms", note);
    }

    [Fact]
    public async Task SendAsync_RetryAfterAsHttpDate_WaitsUntilThatDate()
    {
        var clock = new InstantDelayTimeProvider();
        string date = clock.Now.AddSeconds(7).ToString("r", CultureInfo.InvariantCulture);
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("busy", FakeReplies.Sequence(FakeReplies.RateLimited(date), FakeReplies.Stop()));
        using var backend = TestBackends.For(server, o => o with { Retry = o.Retry with { MaxDelay = TimeSpan.FromSeconds(60) } }, clock);
        using var deadline = TestBackends.Deadline();

        BackendResponse response = await backend.SendAsync(FakeVendorRequests.Chat("busy"), deadline.Token);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.Delays);
    }

    [Fact]
    public async Task SendAsync_AbsurdRetryAfter_IsCappedAtMaxDelay()
    {
        var clock = new InstantDelayTimeProvider();
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("busy", FakeReplies.Sequence(FakeReplies.RateLimited("86400"), FakeReplies.Stop()));
        using var backend = TestBackends.For(server, o => o with { Retry = o.Retry with { MaxDelay = TimeSpan.FromSeconds(60) } }, clock);
        using var deadline = TestBackends.Deadline();

        BackendResponse response = await backend.SendAsync(FakeVendorRequests.Chat("busy"), deadline.Token);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal([TimeSpan.FromSeconds(60)], clock.Delays);
    }

    [Fact]
    public async Task SendAsync_ServerErrorWithoutRetryAfter_BacksOffExponentiallyWithinMaxDelay()
    {
        var clock = new InstantDelayTimeProvider();
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("down", FakeReplies.ServerError());
        using var backend = TestBackends.For(server, o => o with
        {
            Retry = new RetryOptions { Retries = 3, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(60), UseJitter = false },
        }, clock);
        using var deadline = TestBackends.Deadline();

        BackendResponse response = await backend.SendAsync(FakeVendorRequests.Chat("down"), deadline.Token);

        Assert.Equal(4, response.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], clock.Delays);
    }

    [Fact]
    public async Task SendAsync_ServerErrorTwiceThenSuccess_SucceedsOnThirdAttempt()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("flaky", FakeReplies.FailTimes(2, FakeReplies.ServerError()));
        using var backend = TestBackends.For(server);
        using var deadline = TestBackends.Deadline();

        BackendResponse response = await backend.SendAsync(FakeVendorRequests.Chat("flaky"), deadline.Token);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal(3, response.Attempts);
        Assert.Equal(2, response.Warnings.Count);
        Assert.Equal(3, server.RequestsFor("flaky").Count);
    }

    [Fact]
    public async Task SendAsync_ServerErrorEveryTime_RecordsHttpStatusAfterRetriesPlusOneAttempts()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("down", FakeReplies.ServerError(503));
        using var backend = TestBackends.For(server);
        using var deadline = TestBackends.Deadline();

        BackendResponse response = await backend.SendAsync(FakeVendorRequests.Chat("down"), deadline.Token);

        Assert.Equal(BackendFailureCategory.HttpStatus, response.Failure?.Category);
        Assert.Equal(503, response.Failure!.StatusCode);
        Assert.Equal(503, response.StatusCode);
        Assert.Equal(4, response.Attempts);
        Assert.Contains("after 4 attempts", response.Failure.Message);
        Assert.Contains("fake vendor error 503", response.Body);
        Assert.Equal(4, server.RequestsFor("down").Count);
    }

    [Fact]
    public async Task SendAsync_RateLimitedEveryTime_UsesRateLimitCapNotGeneralCap()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("busy", FakeReplies.RateLimited("0"));
        using var backend = TestBackends.For(server, o => o with { Retry = o.Retry with { Retries = 1, RateLimitRetries = 5 } });
        using var deadline = TestBackends.Deadline();

        BackendResponse response = await backend.SendAsync(FakeVendorRequests.Chat("busy"), deadline.Token);

        Assert.Equal(6, response.Attempts);
        Assert.Equal(429, response.Failure?.StatusCode);
        Assert.Equal(6, server.RequestsFor("busy").Count);
    }

    [Fact]
    public async Task SendAsync_RateLimitsAndServerErrorsMixed_EachSpendsItsOwnBudget()
    {
        // 429 and 500 alternate; 1 general retry and 2 rate-limit retries allow 429, 500, 429, then the second 500 is final.
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("mixed", FakeReplies.Sequence(
            FakeReplies.RateLimited("0"), FakeReplies.ServerError(), FakeReplies.RateLimited("0"), FakeReplies.ServerError(), FakeReplies.Stop()));
        using var backend = TestBackends.For(server, o => o with { Retry = o.Retry with { Retries = 1, RateLimitRetries = 2 } });
        using var deadline = TestBackends.Deadline();

        BackendResponse response = await backend.SendAsync(FakeVendorRequests.Chat("mixed"), deadline.Token);

        Assert.Equal(4, response.Attempts);
        Assert.Equal(500, response.Failure?.StatusCode);
    }

    [Fact]
    public async Task SendAsync_ConnectionResetThenSuccess_Retries()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("reset-once", FakeReplies.FailTimes(1, FakeReplies.ConnectionReset()));
        using var backend = TestBackends.For(server);
        using var deadline = TestBackends.Deadline();

        BackendResponse response = await backend.SendAsync(FakeVendorRequests.Chat("reset-once"), deadline.Token);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal(2, response.Attempts);
        Assert.Contains("connection", Assert.Single(response.Warnings));
    }

    [Fact]
    public async Task SendAsync_ConnectionResetEveryTime_RecordsConnectionFailure()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("reset", FakeReplies.ConnectionReset());
        using var backend = TestBackends.For(server);
        using var deadline = TestBackends.Deadline();

        BackendResponse response = await backend.SendAsync(FakeVendorRequests.Chat("reset"), deadline.Token);

        Assert.Equal(BackendFailureCategory.Connection, response.Failure?.Category);
        Assert.Null(response.StatusCode);
        Assert.Null(response.Body);
        Assert.Equal(4, response.Attempts);
    }

    [Fact]
    public async Task SendAsync_TruncatedStream_RetriedThenRecordedWithPartialBody()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("cut", FakeReplies.TruncatedStream());
        using var backend = TestBackends.For(server);
        using var deadline = TestBackends.Deadline();

        BackendResponse response = await backend.SendAsync(FakeVendorRequests.Chat("cut", stream: true), deadline.Token);

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
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("cut-once", FakeReplies.FailTimes(1, FakeReplies.TruncatedStream(), FakeReplies.ValidToolCall()));
        using var backend = TestBackends.For(server);
        using var deadline = TestBackends.Deadline();

        BackendResponse response = await backend.SendAsync(FakeVendorRequests.Chat("cut-once", stream: true), deadline.Token);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal(2, response.Attempts);
        Assert.Contains("[DONE]", response.Body);
        Assert.DoesNotContain("never ends", response.Body); // only the last attempt's body is kept
    }

    [Fact]
    public async Task SendAsync_ReplySlowerThanTimeout_RecordsTimeoutAfterEachAttemptTimedOut()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("slow", FakeReplies.Slow(TimeSpan.FromSeconds(30)));
        using var backend = TestBackends.For(server, o => o with { Timeout = TimeSpan.FromMilliseconds(300), Retry = o.Retry with { Retries = 1 } });
        using var deadline = TestBackends.Deadline();
        var stopwatch = Stopwatch.StartNew();

        BackendResponse response = await backend.SendAsync(FakeVendorRequests.Chat("slow"), deadline.Token);

        Assert.Equal(BackendFailureCategory.Timeout, response.Failure?.Category);
        Assert.Contains("per-attempt timeout of 0.3 s", response.Failure!.Message);
        Assert.Equal(2, response.Attempts);
        Assert.InRange(response.DurationMs, 590, 10_000);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromMilliseconds(590), TimeSpan.FromSeconds(10));
        Assert.Equal(2, server.RequestsFor("slow").Count);
    }

    [Fact]
    public async Task SendAsync_StreamStallsPastTimeout_RecordsTimeoutWithPartialStream()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("stall", new FakeBehavior("stall-mid-stream", async (request, context, ct) =>
        {
            await FakeSse.StartAsync(context, ct);
            await FakeSse.DataAsync(context, FakeWire.Chunks(new FakeCompletion { Content = "partial" }, request)[1], ct);
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
        }));
        using var backend = TestBackends.For(server, o => o with { Timeout = TimeSpan.FromMilliseconds(400), Retry = o.Retry with { Retries = 0 } });
        using var deadline = TestBackends.Deadline();

        BackendResponse response = await backend.SendAsync(FakeVendorRequests.Chat("stall", stream: true), deadline.Token);

        Assert.Equal(BackendFailureCategory.Timeout, response.Failure?.Category);
        Assert.True(response.IsStream);
        Assert.StartsWith("data: {", response.Body);
        Assert.Equal(1, response.Attempts);
    }

    [Fact]
    public async Task SendAsync_CallerCancelsDuringSlowReply_ThrowsOperationCanceled()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("slow", FakeReplies.Slow(TimeSpan.FromSeconds(30)));
        using var backend = TestBackends.For(server);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backend.SendAsync(FakeVendorRequests.Chat("slow"), cancel.Token));

        Assert.InRange(stopwatch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Single(server.RequestsFor("slow"));
    }

    [Fact]
    public async Task SendAsync_CallerCancelsDuringRetryWait_ThrowsOperationCanceled()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("busy", FakeReplies.RateLimited("30"));
        using var backend = TestBackends.For(server, o => o with { Retry = o.Retry with { MaxDelay = TimeSpan.FromSeconds(60) } });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backend.SendAsync(FakeVendorRequests.Chat("busy"), cancel.Token));

        Assert.Single(server.RequestsFor("busy"));
    }
}
