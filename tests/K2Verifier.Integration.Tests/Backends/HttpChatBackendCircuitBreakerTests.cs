using K2Verifier.Backends;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace K2Verifier.Integration.Tests.Backends;

/// <summary>A dead endpoint ends the run fast; a flaky one never trips the breaker.</summary>
public sealed class HttpChatBackendCircuitBreakerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SendAsync_RefusedEveryTime_ThrowsEndpointUnavailableAfterTwentyAttempts()
    {
        // Arrange: every connection refused; production budgets (3 retries, 20 attempts to open), waits on a clock that skips them.
        using var backend = TestBackends.Refused();
        using var deadline = TestBackends.Deadline();
        var recorded = new List<BackendResponse>();

        // Act: a sequential run of at most 50 requests.
        EndpointUnavailableException? unavailable = null;
        for (int i = 1; i <= 50 && unavailable is null; i++)
        {
            try
            {
                recorded.Add(await backend.SendAsync(FakeVendorRequests.Chat($"case {i}", dataIndex: i), deadline.Token));
            }
            catch (EndpointUnavailableException exception)
            {
                unavailable = exception;
            }
        }

        // Assert
        output.WriteLine($"dead endpoint: {recorded.Count} rows before the breaker opened: {unavailable?.Message}");
        Assert.NotNull(unavailable);
        Assert.Equal(5, recorded.Count); // 5 requests × 4 attempts = the 20 the breaker needs
        Assert.All(recorded, r => Assert.Equal(BackendFailureCategory.Connection, r.Failure?.Category));
        Assert.Contains("connection refused on 20 consecutive attempts", unavailable.Message);
        Assert.Contains("127.0.0.1:9", unavailable.Message);
    }

    [Fact]
    public async Task SendAsync_RefusedWithConcurrentRequests_AllStopWithEndpointUnavailable()
    {
        using var backend = TestBackends.Refused();
        using var deadline = TestBackends.Deadline();
        int unavailable = 0;

        await Parallel.ForEachAsync(Enumerable.Range(1, 40), new ParallelOptions { MaxDegreeOfParallelism = 5, CancellationToken = deadline.Token }, async (i, ct) =>
        {
            try
            {
                await backend.SendAsync(FakeVendorRequests.Chat($"case {i}", dataIndex: i), ct);
            }
            catch (EndpointUnavailableException)
            {
                Interlocked.Increment(ref unavailable);
            }
        });

        output.WriteLine($"dead endpoint, concurrency 5: {unavailable} of 40 requests stopped by the breaker");
        Assert.InRange(unavailable, 30, 40);
    }

    [Fact]
    public async Task SendAsync_IntermittentServerErrors_NeverTripTheBreaker()
    {
        // Every request fails twice with 500 before it succeeds: two thirds of all attempts fail, never all of them.
        await using var harness = await BackendHarness.StartAsync();
        harness.Server.Fallback = FakeReplies.FailTimes(2, FakeReplies.ServerError());

        var responses = new BackendResponse[60];
        await Parallel.ForEachAsync(Enumerable.Range(0, responses.Length), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, _) => responses[i] = await harness.SendAsync(FakeVendorRequests.Chat($"case {i}", dataIndex: i + 1)));

        Assert.All(responses, r => Assert.True(r.IsSuccess, r.Failure?.Message));
        Assert.All(responses, r => Assert.Equal(3, r.Attempts));
        Assert.Equal(180, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_SeededRandomFaults_EveryRequestEndsAsDataAndBreakerStaysClosed()
    {
        // A small preview of the chaos run: 30% of attempts fail in assorted ways, with a fixed seed.
        await using var harness = await BackendHarness.StartAsync(o => o with { Retry = o.Retry with { MaxDelay = TimeSpan.FromMilliseconds(50), RateLimitRetries = 10 } });
        harness.Server.Fallback = FakeReplies.RandomFaults(seed: 20250115, faultRate: 0.3, success: FakeReplies.ValidToolCall());

        var responses = new BackendResponse[200];
        await Parallel.ForEachAsync(Enumerable.Range(0, responses.Length), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => responses[i] = await harness.SendAsync(FakeVendorRequests.Chat($"case {i}", stream: i % 2 == 0, dataIndex: i + 1)));

        int succeeded = responses.Count(r => r.IsSuccess);
        output.WriteLine($"random faults: {succeeded}/200 succeeded, {harness.Server.Requests.Count} attempts");
        Assert.InRange(succeeded, 190, 200); // 0.3^4 ≈ 1% fail every attempt
        Assert.All(responses, r => Assert.InRange(r.Attempts, 1, 1 + 3 + 10));
        Assert.Equal(responses.Sum(r => r.Attempts), harness.Server.Requests.Count);
        Assert.All(responses.Where(r => r.IsSuccess), r => Assert.Contains("tool_calls", r.Body));
    }

    [Fact]
    public async Task SendAsync_RateLimitsOnly_NeverTripTheBreaker()
    {
        await using var harness = await BackendHarness.StartAsync(o => o with { Retry = o.Retry with { RateLimitRetries = 30 } });
        harness.Server.Fallback = FakeReplies.RateLimited("0");

        BackendResponse response = await harness.SendAsync("busy");

        Assert.Equal(31, response.Attempts);
        Assert.Equal(429, response.StatusCode);
        Assert.Equal(BackendFailureCategory.RateLimited, response.Failure?.Category);
    }
}
