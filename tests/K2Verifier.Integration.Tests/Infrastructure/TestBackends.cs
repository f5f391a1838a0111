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

    /// <summary>A loopback port nobody listens on (bound, then released).</summary>
    public static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A base URL on a closed loopback port.</summary>
    public static Uri ClosedPortUrl() => new($"http://127.0.0.1:{ClosedPort()}/v1");

    /// <summary>A token that ends a test that hangs (every test is bounded in time).</summary>
    public static CancellationTokenSource Deadline(int seconds = 30) => new(TimeSpan.FromSeconds(seconds));
}
