using K2Verifier.Common;

namespace K2Verifier.Core.Tests.Common;

public sealed class ExitCodeTests
{
    [Fact]
    public void Values_MatchTheDocumentedContract()
    {
        Assert.Equal(0, (int)ExitCode.Ok);
        Assert.Equal(1, (int)ExitCode.GateFailed);
        Assert.Equal(2, (int)ExitCode.UsageError);
        Assert.Equal(3, (int)ExitCode.InfrastructureError);
    }
}
