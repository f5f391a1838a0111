using K2Verifier.Backends;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Preparation;

namespace K2Verifier.Integration.Tests.Infrastructure;

/// <summary>A fake vendor, a test-sized <see cref="HttpChatBackend"/> pointed at it, and a deadline; disposed together.</summary>
public sealed class BackendHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _deadline;

    private BackendHarness(FakeVendorServer server, HttpChatBackend backend, CancellationTokenSource deadline)
    {
        Server = server;
        Backend = backend;
        _deadline = deadline;
    }

    public FakeVendorServer Server { get; }

    public HttpChatBackend Backend { get; }

    /// <param name="configure">Changes to <see cref="TestBackends.Options"/> (whose BaseUrl is the fake's).</param>
    /// <param name="timeProvider">The backend's clock (default: the real one).</param>
    /// <param name="deadlineSeconds">Every send is cancelled after this long.</param>
    public static async Task<BackendHarness> StartAsync(
        Func<HttpBackendOptions, HttpBackendOptions>? configure = null, TimeProvider? timeProvider = null, int deadlineSeconds = 30)
    {
        FakeVendorServer server = await FakeVendorServer.StartAsync();
        return new BackendHarness(server, TestBackends.For(server, configure, timeProvider), TestBackends.Deadline(deadlineSeconds));
    }

    /// <summary>Starts with one scripted key.</summary>
    public static async Task<BackendHarness> StartAsync(
        string key, FakeBehavior behavior, Func<HttpBackendOptions, HttpBackendOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        BackendHarness harness = await StartAsync(configure, timeProvider);
        harness.Server.Script(key, behavior);
        return harness;
    }

    /// <summary>Sends a chat request whose last user message is <paramref name="key"/>.</summary>
    public Task<BackendResponse> SendAsync(string key, bool stream = false) => SendAsync(FakeVendorRequests.Chat(key, stream));

    public Task<BackendResponse> SendAsync(PreparedRequest request) => Backend.SendAsync(request, _deadline.Token);

    public async ValueTask DisposeAsync()
    {
        Backend.Dispose();
        await Server.DisposeAsync();
        _deadline.Dispose();
    }
}
