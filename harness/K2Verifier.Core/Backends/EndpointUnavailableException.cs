namespace K2Verifier.Backends;

/// <summary>
/// Thrown by a backend when the endpoint is down for everything (the circuit breaker opened): the run stops and the
/// CLI exits with code 3. The one failure that is not data in a row, because no further row can succeed.
/// </summary>
public sealed class EndpointUnavailableException : Exception
{
    public EndpointUnavailableException(string message)
        : base(message)
    {
    }

    public EndpointUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EndpointUnavailableException()
    {
    }
}
