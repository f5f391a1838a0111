using K2Verifier.Backends;
using K2Verifier.Core.Tests.TestSupport.Http;

namespace K2Verifier.Core.Tests.Backends.Http;

/// <summary>Per-attempt timeouts and cancellation on a scripted handler and a manual clock (as Polly's own timeout tests).</summary>
public sealed class HttpChatBackendTimeoutTests
{
    [Fact]
    public async Task SendAsync_ReplyNeverComes_TimesOutWhenTheClockPassesTheTimeout()
    {
        // Arrange
        var clock = new VirtualClock();
        var handler = new ScriptedHandler(ScriptedReplies.Hang()) { Clock = clock };
        using var backend = ScriptedBackends.Create(handler, clock, o => o with { Timeout = TimeSpan.FromMilliseconds(300), Retry = o.Retry with { Retries = 1 } });
        using var deadline = ScriptedBackends.Deadline();
        Task<BackendResponse> send = backend.SendAsync(ScriptedBackends.Chat(), deadline.Token);

        // Act: each attempt is in flight when the clock moves past its timeout.
        for (int attempt = 1; attempt <= 2; attempt++)
        {
            await handler.Arrivals.ReadAsync(deadline.Token);
            clock.Advance(TimeSpan.FromMilliseconds(300));
        }

        BackendResponse response = await send;

        // Assert
        Assert.Equal(BackendFailureCategory.Timeout, response.Failure?.Category);
        Assert.Contains("per-attempt timeout of 0.3 s", response.Failure!.Message);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, handler.Calls.Count);
        double backoff = Assert.Single(clock.Delays).TotalMilliseconds; // clock time: two timeouts and one backoff wait
        Assert.InRange(response.DurationMs, 600 + backoff - 1, 600 + backoff + 1);
    }

    [Fact]
    public async Task SendAsync_SlowReplyPastTimeout_RecordsTimeoutNotTheLateAnswer()
    {
        var clock = new VirtualClock();
        var handler = new ScriptedHandler(ScriptedReplies.Slow(clock, TimeSpan.FromSeconds(5))) { Clock = clock };
        using var backend = ScriptedBackends.Create(handler, clock, o => o with { Timeout = TimeSpan.FromMilliseconds(700), Retry = o.Retry with { Retries = 0 } });
        using var deadline = ScriptedBackends.Deadline();

        BackendResponse response = await backend.SendAsync(ScriptedBackends.Chat(), deadline.Token);

        Assert.Equal(BackendFailureCategory.Timeout, response.Failure?.Category);
        Assert.Equal(1, response.Attempts);
    }

    [Fact]
    public async Task SendAsync_StreamStallsPastTimeout_RecordsTimeoutWithPartialStream()
    {
        var clock = new VirtualClock();
        var handler = new ScriptedHandler(ScriptedReplies.StalledStream("""{"choices":[{"index":0,"delta":{"content":"partial"}}]}""")) { Clock = clock };
        using var backend = ScriptedBackends.Create(handler, clock, o => o with { Timeout = TimeSpan.FromMilliseconds(400), Retry = o.Retry with { Retries = 0 } });
        using var deadline = ScriptedBackends.Deadline();
        Task<BackendResponse> send = backend.SendAsync(ScriptedBackends.Chat(stream: true), deadline.Token);
        await handler.Arrivals.ReadAsync(deadline.Token);

        clock.Advance(TimeSpan.FromMilliseconds(400));
        BackendResponse response = await send;

        Assert.Equal(BackendFailureCategory.Timeout, response.Failure?.Category);
        Assert.True(response.IsStream);
        Assert.StartsWith("data: {", response.Body);
        Assert.Equal(1, response.Attempts);
    }

    [Fact]
    public async Task SendAsync_CallerCancelsDuringSlowReply_ThrowsOperationCanceled()
    {
        var clock = new VirtualClock();
        var handler = new ScriptedHandler(ScriptedReplies.Hang()) { Clock = clock };
        using var backend = ScriptedBackends.Create(handler, clock);
        using var deadline = ScriptedBackends.Deadline();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        Task<BackendResponse> send = backend.SendAsync(ScriptedBackends.Chat(), cancel.Token);
        await handler.Arrivals.ReadAsync(deadline.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.False(deadline.IsCancellationRequested);
        Assert.Single(handler.Calls);
    }

    [Fact]
    public async Task SendAsync_CallerCancelsDuringCooldown_ThrowsOperationCanceled()
    {
        // The real clock: the 30 s cool-down is never waited out, the cancellation ends it.
        var handler = new ScriptedHandler(ScriptedReplies.RateLimited("30"));
        using var backend = ScriptedBackends.Create(handler, TimeProvider.System, o => o with { RateLimit = o.RateLimit with { MaxWait = TimeSpan.FromMinutes(5) } });
        using var deadline = ScriptedBackends.Deadline();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        Task<BackendResponse> send = backend.SendAsync(ScriptedBackends.Chat(), cancel.Token);
        await handler.Arrivals.ReadAsync(deadline.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send);
        Assert.False(deadline.IsCancellationRequested);
        Assert.Single(handler.Calls);
    }
}
