namespace K2Verifier.Conformance.Tests.Infrastructure;

public sealed class SharedDataGuardTests
{
    [Fact]
    public void SuitePath_Exists_SoConformanceTestsCanRun()
    {
        var tests = Path.Combine(SharedData.SuiteRoot, "tests");

        Assert.True(Directory.Exists(tests),
            $"JSON-Schema-Test-Suite missing: expected '{tests}' (../shared relative to the repository root '{SharedData.RepositoryRoot}').");
        Assert.True(Directory.Exists(Path.Combine(SharedData.SuiteRoot, "remotes")), "JSON-Schema-Test-Suite remotes/ missing.");
        Assert.True(File.Exists(Path.Combine(SharedData.Bfcl, "samples.jsonl")), $"BFCL dataset missing under '{SharedData.Bfcl}'.");
    }

    [Fact]
    public void Require_MissingPath_ThrowsNamingThePath()
    {
        var missing = Path.Combine(SharedData.Shared, "does-not-exist");

        var error = Assert.Throws<InvalidOperationException>(() => SharedData.Require(missing));

        Assert.Contains(missing, error.Message);
    }
}
