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
    public async Task Watch_ReadReturningBytes_KicksTheTimer()
    {
        var clock = new ManualTimeProvider();
        using var watchdog = new IdleWatchdog(TimeSpan.FromSeconds(120), clock, CancellationToken.None);
        await using var stream = watchdog.Watch(new MemoryStream([1, 2, 3]));
        clock.Advance(TimeSpan.FromSeconds(100));

        Assert.Equal(3, await stream.ReadAsync(new byte[8]));
        clock.Advance(TimeSpan.FromSeconds(100));

        Assert.False(watchdog.Fired);
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
