using K2Verifier.Backends;
using K2Verifier.Backends.Http.RateLimiting;
using K2Verifier.Core.Tests.TestSupport.Http;
using Microsoft.Extensions.Time.Testing;

namespace K2Verifier.Core.Tests.Backends.Http;

/// <summary>The endpoint cool-down, AIMD concurrency, reset headers and client-side quotas, on manual clocks.</summary>
public sealed class RateLimitingTests
{
    [Fact]
    public async Task SendAsync_RetryAfterOnOneRequest_PausesTheNextRequestToo()
    {
        // Arrange: the first request is not retried (no wait allowed), but its Retry-After holds the endpoint for 5 s.
        var clock = new VirtualClock();
        var handler = new ScriptedHandler(ScriptedReplies.RateLimited("5"), ScriptedReplies.Stop()) { Clock = clock };
        using var backend = ScriptedBackends.Create(handler, clock, o => o with { RateLimit = o.RateLimit with { MaxWait = TimeSpan.Zero } });

        // Act
        BackendResponse first = await backend.SendAsync(ScriptedBackends.Chat(1), CancellationToken.None);
        BackendResponse second = await backend.SendAsync(ScriptedBackends.Chat(2), CancellationToken.None);

        // Assert
        Assert.Equal(BackendFailureCategory.RateLimited, first.Failure?.Category);
        Assert.True(second.IsSuccess, second.Failure?.Message);
        Assert.Equal(TimeSpan.FromSeconds(5), handler.Calls[1].At - handler.Calls[0].At);
    }

    [Fact]
    public async Task SendAsync_QuotaExhaustedOnASuccess_PausesUntilItsReset()
    {
        var clock = new VirtualClock();
        var handler = new ScriptedHandler(
            ScriptedReplies.Json(System.Net.HttpStatusCode.OK, ScriptedReplies.StopBody, ("x-ratelimit-remaining-requests", "0"), ("x-ratelimit-reset-requests", "1.5s")),
            ScriptedReplies.Stop()) { Clock = clock };
        using var backend = ScriptedBackends.Create(handler, clock);

        await backend.SendAsync(ScriptedBackends.Chat(1), CancellationToken.None);
        await backend.SendAsync(ScriptedBackends.Chat(2), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(1.5), handler.Calls[1].At - handler.Calls[0].At);
    }

    [Fact]
    public async Task SendAsync_RateLimitedWithACeiling_HalvesTheConcurrencyThenGrowsBack()
    {
        var clock = new VirtualClock();
        var handler = new ScriptedHandler(ScriptedReplies.RateLimited("0"), ScriptedReplies.Stop()) { Clock = clock };
        using var backend = ScriptedBackends.Create(handler, clock, o => o with { RateLimit = o.RateLimit with { ConcurrencyCeiling = 8 } });

        await backend.SendAsync(ScriptedBackends.Chat(1), CancellationToken.None);
        int afterOverload = backend.ConcurrencyLimit!.Value;
        for (int i = 2; i <= 5; i++)
        {
            await backend.SendAsync(ScriptedBackends.Chat(i), CancellationToken.None);
        }

        Assert.Equal(4, afterOverload); // 8 halved; the success of the retry then added 1/4
        Assert.Equal(5, backend.ConcurrencyLimit); // five successes at 4: +1/4 each
        Assert.Equal(8, backend.Concurrency!.Timeline[0].Limit); // changes within a quarter second are kept as the latest
        Assert.Equal(5, backend.Concurrency.Timeline[^1].Limit);
    }

    [Fact]
    public async Task AdaptiveConcurrencyLimiter_AtTheLimit_QueuesUntilASlotIsFreed()
    {
        var limiter = new AdaptiveConcurrencyLimiter(2, new FakeTimeProvider());
        var first = await limiter.AcquireAsync(CancellationToken.None);
        using var second = await limiter.AcquireAsync(CancellationToken.None);

        ValueTask<AdaptiveConcurrencyLimiter.Lease> third = limiter.AcquireAsync(CancellationToken.None);
        bool queued = !third.IsCompleted;
        first.Dispose();
        using var granted = await third;

        Assert.True(queued);
    }

    [Fact]
    public void AdaptiveConcurrencyLimiter_OverloadsFromBeforeTheLastDecrease_DecreaseOnce()
    {
        var clock = new FakeTimeProvider();
        var limiter = new AdaptiveConcurrencyLimiter(64, clock);
        long sentTogether = clock.GetTimestamp();
        clock.Advance(TimeSpan.FromMilliseconds(10));

        limiter.OnOverload(sentTogether);
        limiter.OnOverload(sentTogether); // the same burst: already answered
        int afterBurst = limiter.Limit;
        clock.Advance(TimeSpan.FromMilliseconds(10));
        limiter.OnOverload(clock.GetTimestamp()); // sent after the decrease: a new signal

        Assert.Equal(32, afterBurst);
        Assert.Equal(16, limiter.Limit);
    }

    [Fact]
    public async Task EndpointCooldown_Pause_HoldsWaitersUntilTheClockPassesIt()
    {
        var clock = new FakeTimeProvider();
        var cooldown = new EndpointCooldown(clock, TimeSpan.FromSeconds(60));
        cooldown.PauseFor(TimeSpan.FromSeconds(5));
        cooldown.PauseFor(TimeSpan.FromSeconds(2)); // shorter: never shortens the pause

        Task<TimeSpan> waiting = cooldown.WaitAsync(CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromSeconds(4));
        bool doneEarly = waiting.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(doneEarly);
        Assert.Equal(TimeSpan.FromSeconds(5), await waiting.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task ClientRateLimiter_BurstSpent_QueuesTheNextRequest()
    {
        // One request per 100 s: the burst of one passes, the next waits (its refill is the limiter's own business).
        using var limiter = ClientRateLimiter.Requests(0.01);
        await limiter.WaitAsync(1, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        Task second = limiter.WaitAsync(1, cancel.Token).AsTask();
        bool queued = !second.IsCompleted;
        await cancel.CancelAsync();

        Assert.True(queued);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
    }

    [Theory]
    [InlineData("1s", 1000)]
    [InlineData("6m0s", 360_000)]
    [InlineData("20ms", 20)]
    [InlineData("1h2m3.5s", 3_723_500)]
    [InlineData("0.25", 250)]
    public void ParseDuration_OpenAiResetValues_AreRead(string text, double expectedMs) =>
        Assert.Equal(expectedMs, RateLimitHeaders.ParseDuration(text)!.Value.TotalMilliseconds, 3);

    [Theory]
    [InlineData("soon")]
    [InlineData("5 parsecs")]
    [InlineData("")]
    public void ParseDuration_Unreadable_IsNull(string text) => Assert.Null(RateLimitHeaders.ParseDuration(text));

    [Fact]
    public void TokenEstimator_BeforeAndAfterUsage_EstimatesFromBodyThenFromUsage()
    {
        var estimator = new TokenEstimator();
        int fromBody = estimator.Estimate(400);
        estimator.Observe("""{"usage":{"prompt_tokens":10,"completion_tokens":20,"total_tokens":30}}""");
        estimator.Observe("data: {\"usage\":{\"total_tokens\": 50}}\n\ndata: [DONE]\n\n");

        Assert.Equal(100, fromBody);
        Assert.Equal(40, estimator.Estimate(400));
    }
}
