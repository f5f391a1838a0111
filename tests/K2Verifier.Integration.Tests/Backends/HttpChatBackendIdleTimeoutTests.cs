using K2Verifier.Backends;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Infrastructure;
using K2Verifier.Tests.Support;

namespace K2Verifier.Integration.Tests.Backends;

/// <summary>
/// Issue 13: a server that holds the connection open and sends nothing ends the attempt after --idle-timeout as a
/// retryable <c>stalled</c> failure, long before --timeout. The clock is manual: the test moves it once the fake
/// signals that it holds the connection, so nothing waits on the wall clock.
/// </summary>
public sealed class HttpChatBackendIdleTimeoutTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendAsync_ServerHoldsStreamOpenSilently_StalledAfterIdleTimeoutAndRetried(bool sendsAChunkFirst)
    {
        var clock = new ManualTimeProvider { InstantBelow = TimeSpan.FromSeconds(10) }; // retry backoffs fire at once
        var holding = new SemaphoreSlim(0);
        var dropped = new SemaphoreSlim(0);
        var hang = new FakeBehavior("hang", async (request, context, ct) =>
        {
            await FakeSse.StartAsync(context, ct);
            if (sendsAChunkFirst)
            {
                await FakeSse.DataAsync(context, FakeWire.Chunks(new FakeCompletion { Content = "partial" }, request)[1], ct);
            }

            holding.Release();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            dropped.Release(); // the client gave the attempt up
        });
        await using var harness = await BackendHarness.StartAsync("hang", hang,
            o => o with { Timeout = TimeSpan.FromSeconds(600), IdleTimeout = Idle, Retry = o.Retry with { Retries = 1 } }, clock);

        Task<BackendResponse> send = harness.SendAsync("hang", stream: true);
        for (int attempt = 1; attempt <= 2; attempt++)
        {
            Assert.True(await holding.WaitAsync(TimeSpan.FromSeconds(20)), $"attempt {attempt} never reached the fake");

            // A chunk read after the clock moved but before the watchdog looked is activity at the new time, and the
            // watchdog waits one more idle period: the clock moves again until the fake sees the attempt dropped.
            var moves = 0;
            do
            {
                clock.Advance(Idle);
            }
            while (!await dropped.WaitAsync(TimeSpan.FromSeconds(10)) && ++moves < 3);
        }

        BackendResponse response = await send.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(BackendFailureCategory.Stalled, response.Failure?.Category);
        Assert.Equal(2, response.Attempts);
        Assert.Contains("no byte received for the idle timeout of 120 s", response.Failure!.Message, StringComparison.Ordinal);
        Assert.Equal(2, harness.Server.RequestsFor("hang").Count);
    }
}
