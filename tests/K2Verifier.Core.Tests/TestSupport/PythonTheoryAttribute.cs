namespace K2Verifier.Core.Tests.TestSupport;

/// <summary>
/// A theory that needs python3 as an oracle: skipped with a clear reason where python3 is missing, except in CI
/// (<c>CI=true</c>), where it runs and fails with that reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PythonTheoryAttribute : TheoryAttribute
{
    public PythonTheoryAttribute()
    {
        if (!PythonOracle.IsAvailable && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "python3 is not available on this machine: the K2VV reference oracle cannot run";
        }
    }
}
