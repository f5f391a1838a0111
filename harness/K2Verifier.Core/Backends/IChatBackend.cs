using K2Verifier.Preparation;

namespace K2Verifier.Backends;

/// <summary>
/// A deployment that answers chat-completion requests: an OpenAI-compatible HTTP endpoint, or one running in process.
/// Failures are data in the returned <see cref="BackendResponse"/>, never exceptions (cancellation aside).
/// </summary>
public interface IChatBackend
{
    /// <summary>Sends <paramref name="request"/> (retrying as configured) and returns what the wire gave back.</summary>
    Task<BackendResponse> SendAsync(PreparedRequest request, CancellationToken cancellationToken);
}
