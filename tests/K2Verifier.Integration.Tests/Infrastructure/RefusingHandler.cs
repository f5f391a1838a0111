using System.Net.Sockets;

namespace K2Verifier.Integration.Tests.Infrastructure;

/// <summary>Refuses every request as a closed port does (no port is bound, so none can be taken by another process).</summary>
public sealed class RefusingHandler : HttpMessageHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:9)", new SocketException((int)SocketError.ConnectionRefused));
    }
}
