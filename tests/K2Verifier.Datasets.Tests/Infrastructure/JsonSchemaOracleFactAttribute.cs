using K2Verifier.Core.Tests.TestSupport;

namespace K2Verifier.Datasets.Tests.Infrastructure;

/// <summary>
/// A fact that needs python3 with python-jsonschema as an oracle: skipped with a clear reason where it is missing, except
/// in CI (<c>CI=true</c>), where it runs and fails with that reason (.ci/run installs the oracle).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JsonSchemaOracleFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        try
        {
            return PythonOracle.IsAvailable && PythonOracle.Run("import jsonschema; print('ok')", string.Empty).Trim() == "ok";
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    });

    public JsonSchemaOracleFactAttribute()
    {
        if (!Available.Value && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "python3 with python-jsonschema is not available (python3 -c 'import jsonschema' failed): the oracle check cannot run";
        }
    }
}
