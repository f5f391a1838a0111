using System.Text;
using K2Verifier.Backends;
using K2Verifier.Backends.Http;
using K2Verifier.Tests.Support;

namespace K2Verifier.Core.Tests.Backends;

public sealed class IdleWatchdogTests
{
    private static readonly HttpBackendOptions Options = new() { BaseUrl = new Uri("http://127.0.0.1:1/v1"), Timeout = TimeSpan.FromSeconds(600), IdleTimeout = TimeSpan.FromSeconds(120) };

    [Fact]
    public void Kick_BytesKeepArriving_NeverFires()
    {
        var clock = new ManualTimeProvider();
        using var watchdog = new IdleWatchdog(TimeSpan.FromSeconds(120), clock, CancellationToken.None);

        for (int i = 0; i < 10; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(100));
            watchdog.Kick();
        }

        Assert.False(watchdog.Fired);
        clock.Advance(TimeSpan.FromSeconds(120));
        Assert.True(watchdog.Fired);
        Assert.True(watchdog.Token.IsCancellationRequested);
    }

    [Fact]
    public void Kick_JustBeforeTheLimit_FiresALimitAfterTheKickNotBefore()
    {
        var clock = new ManualTimeProvider();
        using var watchdog = new IdleWatchdog(TimeSpan.FromSeconds(120), clock, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(119));
        watchdog.Kick();

        clock.Advance(TimeSpan.FromSeconds(2)); // the first timer fires at 120 s, sees 1 s of quiet and waits 119 s more
        Assert.False(watchdog.Fired);
        clock.Advance(TimeSpan.FromSeconds(117));
        Assert.False(watchdog.Fired);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(watchdog.Fired);
    }

    [Fact]
    public async Task SseStreamReader_ReadReturningBytes_KicksTheWatchdog()
    {
        var clock = new ManualTimeProvider();
        using var watchdog = new IdleWatchdog(TimeSpan.FromSeconds(120), clock, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(100));

        await new SseStreamReader(() => 1).ReadAsync(new MemoryStream("data: {}\n\n"u8.ToArray()), new K2Verifier.Json.PooledBuffer<byte>(16), CancellationToken.None, watchdog);
        clock.Advance(TimeSpan.FromSeconds(100));

        Assert.False(watchdog.Fired);
        clock.Advance(TimeSpan.FromSeconds(100));
        Assert.True(watchdog.Fired);
    }

    [Fact]
    public void Dispose_WhileTheTimerIsArmed_NeverFiresAfterwards()
    {
        var clock = new ManualTimeProvider();
        var watchdog = new IdleWatchdog(TimeSpan.FromSeconds(120), clock, CancellationToken.None);
        watchdog.Dispose();

        clock.Advance(TimeSpan.FromSeconds(300)); // no timer left to fire, nothing thrown
    }

    [Fact]
    public void StartFor_NonStreamOrIdleNotShorterThanTimeout_IsOff()
    {
        Assert.Null(IdleWatchdog.StartFor(false, Options, TimeProvider.System, CancellationToken.None));
        Assert.Null(IdleWatchdog.StartFor(true, Options with { IdleTimeout = TimeSpan.Zero }, TimeProvider.System, CancellationToken.None));
        Assert.Null(IdleWatchdog.StartFor(true, Options with { Timeout = TimeSpan.FromSeconds(60) }, TimeProvider.System, CancellationToken.None));
        using var on = IdleWatchdog.StartFor(true, Options, TimeProvider.System, CancellationToken.None);
        Assert.NotNull(on);
    }
}
