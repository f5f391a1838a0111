using K2Verifier.Results;

namespace K2Verifier.Core.Tests.Results;

public sealed class LatestRunTests
{
    [Theory]
    [InlineData("2025-11-15T10:00:00.5", "2025-11-15T10:00:00.123456", true)]
    [InlineData("2025-11-15T09:00:00+00:00", "2025-11-15T10:00:00+02:00", true)]
    [InlineData("2025-11-15T10:00:00", "2025-11-15T10:00:00", true)]
    [InlineData("2025-11-15T09:59:59.999999", "2025-11-15T10:00:00", false)]
    public void Supersedes_ComparesInstantsNotStrings(string candidate, string current, bool expected) =>
        Assert.Equal(expected, LatestRun.Supersedes(candidate, current));

    [Fact]
    public void Of_DuplicateIndices_LatestWinsTieGoesToTheLaterRowSortedByIndex()
    {
        var rows = new[] { (2, "2025-11-15T10:00:00.5", "a"), (1, "t", "b"), (2, "2025-11-15T10:00:00.123456", "c"), (1, "t", "d") };

        var latest = LatestRun.Of(rows, r => r.Item1, r => r.Item2);

        Assert.Equal(["d", "a"], latest.Select(r => r.Item3));
    }
}
