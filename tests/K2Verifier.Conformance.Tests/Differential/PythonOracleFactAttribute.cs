namespace K2Verifier.Conformance.Tests.Differential;

/// <summary>
/// A fact that is skipped, with the reason, when python3 with jsonschema is not installed (xunit 2 has no dynamic skip),
/// except in CI (<c>CI=true</c>), where it runs and fails with that reason (.ci/run installs the oracle).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PythonOracleFactAttribute : FactAttribute
{
    public PythonOracleFactAttribute()
    {
        if (PythonOracle.UnavailableReason is { } reason && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"Differential test skipped: {reason}. Install python3 and 'pip install jsonschema==4.26.0' to run it.";
        }
    }
}
