using System.Globalization;
using K2Verifier.Backends;
using K2Verifier.Core.Tests.TestSupport.Http;

namespace K2Verifier.Core.Tests.Backends.Http;

/// <summary>Retries, their budgets and <c>Retry-After</c>, on a scripted handler and a clock that waits move.</summary>
public sealed class HttpChatBackendRetryTests
{
    private static readonly Func<HttpBackendOptions, HttpBackendOptions> LongWaits =
        o => o with { Retry = o.Retry with { MaxDelay = TimeSpan.FromSeconds(60) }, RateLimit = o.RateLimit with { MaxWait = TimeSpan.FromMinutes(10) } };

    [Fact]
    public async Task SendAsync_RateLimitedWithRetryAfterOneSecond_WaitsThenSucceeds()
    {
        // Arrange
        var clock = new VirtualClock();
        var handler = new ScriptedHandler(ScriptedReplies.RateLimited("1"), ScriptedReplies.Stop()) { Clock = clock };
        using var backend = ScriptedBackends.Create(handler, clock);

        // Act
        BackendResponse response = await backend.SendAsync(ScriptedBackends.Chat(), CancellationToken.None);

        // Assert
        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(1), handler.Calls[1].At - handler.Calls[0].At);
        Assert.Equal(1000, response.DurationMs);
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
        var clock = new VirtualClock();
        string header = retryAfter == "http-date" ? clock.GetUtcNow().AddSeconds(7).ToString("r", CultureInfo.InvariantCulture) : retryAfter;
        var handler = new ScriptedHandler(ScriptedReplies.RateLimited(header), ScriptedReplies.Stop()) { Clock = clock };
        using var backend = ScriptedBackends.Create(handler, clock, LongWaits);

        BackendResponse response = await backend.SendAsync(ScriptedBackends.Chat(), CancellationToken.None);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal([TimeSpan.FromSeconds(expectedSeconds)], clock.Delays);
    }

    [Fact]
    public async Task SendAsync_ServerErrorWithoutRetryAfter_BacksOffExponentially()
    {
        var clock = new VirtualClock();
        var handler = new ScriptedHandler(ScriptedReplies.ServerError()) { Clock = clock };
        using var backend = ScriptedBackends.Create(handler, clock, o => o with { Retry = new RetryOptions { BaseDelay = TimeSpan.FromSeconds(1), UseJitter = false } });

        BackendResponse response = await backend.SendAsync(ScriptedBackends.Chat(), CancellationToken.None);

        Assert.Equal(4, response.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], clock.Delays);
    }

    [Fact]
    public async Task SendAsync_ServerErrorTwiceThenSuccess_SucceedsOnThirdAttempt()
    {
        var clock = new VirtualClock();
        var handler = new ScriptedHandler(ScriptedReplies.ServerError(), ScriptedReplies.ServerError(), ScriptedReplies.Stop());
        using var backend = ScriptedBackends.Create(handler, clock);

        BackendResponse response = await backend.SendAsync(ScriptedBackends.Chat(), CancellationToken.None);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.Equal(3, response.Attempts);
        Assert.Equal(2, response.Warnings.Count);
        Assert.Equal(3, handler.Calls.Count);
    }

    [Fact]
    public async Task SendAsync_ServerErrorEveryTime_RecordsServerErrorAfterRetriesPlusOneAttempts()
    {
        var handler = new ScriptedHandler(ScriptedReplies.ServerError(503));
        using var backend = ScriptedBackends.Create(handler, new VirtualClock());

        BackendResponse response = await backend.SendAsync(ScriptedBackends.Chat(), CancellationToken.None);

        Assert.Equal(BackendFailureCategory.ServerError, response.Failure?.Category);
        Assert.Equal(503, response.Failure!.StatusCode);
        Assert.Equal(4, response.Attempts);
        Assert.Contains("after 4 attempts", response.Failure.Message);
        Assert.Contains("scripted error 503", response.Body);
        Assert.Equal(4, handler.Calls.Count);
    }

    [Fact]
    public async Task SendAsync_RateLimitedEveryTimeWithACap_StopsAtTheCapAsRateLimited()
    {
        var handler = new ScriptedHandler(ScriptedReplies.RateLimited("0"));
        using var backend = ScriptedBackends.Create(handler, new VirtualClock(), o => o with { Retry = o.Retry with { Retries = 1, RateLimitRetries = 5 } });

        BackendResponse response = await backend.SendAsync(ScriptedBackends.Chat(), CancellationToken.None);

        Assert.Equal(6, response.Attempts);
        Assert.Equal(BackendFailureCategory.RateLimited, response.Failure?.Category);
        Assert.Equal(429, response.Failure!.StatusCode);
        Assert.Contains("the rate-limit retry cap of 5 ran out", response.Failure.Message);
        Assert.Equal(6, handler.Calls.Count);
    }

    [Fact]
    public async Task SendAsync_RateLimitedEveryTimeWithoutACap_RetriesUntilMaxWaitThenSaysHowLongItWaited()
    {
        // Arrange: Retry-After 1 s; at most 30 s rate-limited.
        var clock = new VirtualClock();
        var handler = new ScriptedHandler(ScriptedReplies.RateLimited("1")) { Clock = clock };
        using var backend = ScriptedBackends.Create(handler, clock, o => o with { RateLimit = o.RateLimit with { MaxWait = TimeSpan.FromSeconds(30) } });

        // Act
        BackendResponse response = await backend.SendAsync(ScriptedBackends.Chat(), CancellationToken.None);

        // Assert: attempts at 0, 1, …, 29 s; the next would start at 30 s, beyond the wait limit.
        Assert.Equal(30, response.Attempts);
        Assert.Equal(BackendFailureCategory.RateLimited, response.Failure?.Category);
        Assert.Contains("waited 29 s over 30 attempts, then the wait limit of 30 s (--max-wait) ran out", response.Failure!.Message);
        Assert.Equal(9, response.Warnings.Count); // 8 retry notes, then a count of the rest
        Assert.Equal("… and 21 more retries not listed", response.Warnings[^1]);
    }

    [Fact]
    public async Task SendAsync_RateLimitsAndServerErrorsMixed_EachSpendsItsOwnBudget()
    {
        // 429 and 500 alternate; 1 general retry and 2 rate-limit retries allow 429, 500, 429, then the second 500 is final.
        var handler = new ScriptedHandler(
            ScriptedReplies.RateLimited("0"), ScriptedReplies.ServerError(), ScriptedReplies.RateLimited("0"), ScriptedReplies.ServerError(), ScriptedReplies.Stop());
        using var backend = ScriptedBackends.Create(handler, new VirtualClock(), o => o with { Retry = o.Retry with { Retries = 1, RateLimitRetries = 2 } });

        BackendResponse response = await backend.SendAsync(ScriptedBackends.Chat(), CancellationToken.None);

        Assert.Equal(4, response.Attempts);
        Assert.Equal(500, response.Failure?.StatusCode);
        Assert.Equal(BackendFailureCategory.ServerError, response.Failure?.Category);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefusedEveryTime_RecordsConnectionFailure()
    {
        var handler = new ScriptedHandler(ScriptedReplies.ConnectionRefused());
        using var backend = ScriptedBackends.Create(handler, new VirtualClock());

        BackendResponse response = await backend.SendAsync(ScriptedBackends.Chat(), CancellationToken.None);

        Assert.Equal(BackendFailureCategory.Connection, response.Failure?.Category);
        Assert.Contains("connection refused", response.Failure!.Message);
        Assert.Null(response.StatusCode);
        Assert.Equal(4, response.Attempts);
    }
}
