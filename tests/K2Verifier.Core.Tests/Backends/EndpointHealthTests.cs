using K2Verifier.Backends.Http;

namespace K2Verifier.Core.Tests.Backends;

public sealed class EndpointHealthTests
{
    [Fact]
    public void Describe_OneKindOfFailure_NamesItAndTheCount()
    {
        var health = new EndpointHealth();
        for (int i = 0; i < 20; i++)
        {
            health.RecordFailure("connection refused");
        }

        Assert.Equal("connection refused on 20 consecutive attempts", health.Describe());
    }

    [Fact]
    public void Describe_MixedFailures_ListsEachMostFrequentFirst()
    {
        var health = new EndpointHealth();
        health.RecordFailure("timeout");
        health.RecordFailure("HTTP 502");
        health.RecordFailure("HTTP 502");

        Assert.Equal("3 consecutive failed attempts (HTTP 502 ×2, timeout ×1)", health.Describe());
    }

    [Fact]
    public void Describe_AfterSuccess_StartsOver()
    {
        var health = new EndpointHealth();
        health.RecordFailure("HTTP 500");
        health.RecordSuccess();
        health.RecordFailure("timeout");

        Assert.Equal("timeout on 1 consecutive attempts", health.Describe());
    }

    [Fact]
    public void Describe_AfterOpened_IsFrozen()
    {
        var health = new EndpointHealth();
        health.RecordFailure("connection refused");
        health.MarkOpened();
        health.RecordFailure("timeout");

        Assert.Equal("connection refused on 1 consecutive attempts", health.Describe());
    }
}
