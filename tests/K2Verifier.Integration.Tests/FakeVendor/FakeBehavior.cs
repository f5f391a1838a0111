using Microsoft.AspNetCore.Http;

namespace K2Verifier.Integration.Tests.FakeVendor;

/// <summary>
/// How the fake vendor answers one request. Build them with <see cref="FakeReplies"/>, or write one with
/// <see cref="FakeBehavior(string, Func{FakeRequest, HttpContext, CancellationToken, Task})"/>: the handler gets
/// the recorded request, the raw <see cref="HttpContext"/>, and a token cancelled when the client goes away or the
/// server stops.
/// </summary>
public sealed class FakeBehavior
{
    private readonly Func<FakeRequest, HttpContext, CancellationToken, Task> _handler;

    public FakeBehavior(string name, Func<FakeRequest, HttpContext, CancellationToken, Task> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(handler);
        Name = name;
        _handler = handler;
    }

    /// <summary>A short name for test output.</summary>
    public string Name { get; }

    public Task ExecuteAsync(FakeRequest request, HttpContext context, CancellationToken cancellationToken) =>
        _handler(request, context, cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
