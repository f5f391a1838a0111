namespace K2Verifier.Datasets.Tests.Infrastructure;

public sealed class SharedDataGuardTests
{
    [Theory]
    [InlineData("datasets", "bfcl", "samples.jsonl")]
    [InlineData("datasets", "bfcl", "expected.jsonl")]
    [InlineData("datasets", "bfcl-raw", "possible_answer")]
    [InlineData("datasets", "k2vv-public", "samples.jsonl")]
    [InlineData("datasets", "k2vv-public", "medium.jsonl")]
    public void SharedData_Present_SoDatasetTestsCanRun(params string[] parts)
    {
        // Act
        var path = RepositoryPaths.Shared(parts);

        // Assert
        Assert.True(File.Exists(path) || Directory.Exists(path));
    }

    [Fact]
    public void Shared_MissingPath_ThrowsNamingThePath()
    {
        // Act
        var error = Assert.Throws<InvalidOperationException>(() => RepositoryPaths.Shared("does-not-exist"));

        // Assert
        Assert.Contains("does-not-exist", error.Message);
    }
}
