namespace K2Verifier.Integration.Tests.Infrastructure;

/// <summary>
/// Tests that need real sockets (Kestrel on 127.0.0.1:0): connection resets, truncated streams, bodies on the wire. They
/// run one at a time, apart from the rest; retry logic, timeouts and cool-downs are tested on a scripted handler and a
/// manual clock in K2Verifier.Core.Tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KestrelSmoke
{
    public const string Name = "Kestrel smoke";
}
