using K2Verifier.Backends;
using K2Verifier.Integration.Tests.FakeVendor;

namespace K2Verifier.Integration.Tests.Infrastructure;

/// <summary>Backends with test-sized delays: 1 ms backoff, 10 s per-attempt timeout, production retry budgets.</summary>
public static class TestBackends
{
    public static readonly RetryOptions FastRetry = new() { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(5) };

    public static HttpBackendOptions Options(Uri baseUrl) => new()
    {
        BaseUrl = baseUrl,
        Timeout = TimeSpan.FromSeconds(10),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        Retry = FastRetry,
    };

    public static HttpChatBackend For(FakeVendorServer server, Func<HttpBackendOptions, HttpBackendOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        HttpBackendOptions options = Options(server.BaseUrl);
        return new HttpChatBackend(configure is null ? options : configure(options), timeProvider);
    }

    /// <summary>A backend whose every connection is refused (a dead endpoint), without a socket.</summary>
    public static HttpChatBackend Refused(Func<HttpBackendOptions, HttpBackendOptions>? configure = null)
    {
        HttpBackendOptions options = Options(new Uri("http://127.0.0.1:9/v1"));
        return new HttpChatBackend(configure is null ? options : configure(options), new InstantDelayTimeProvider(), new RefusingHandler());
    }

    /// <summary>A token that ends a test that hangs (every test is bounded in time).</summary>
    public static CancellationTokenSource Deadline(int seconds = 30) => new(TimeSpan.FromSeconds(seconds));
}
