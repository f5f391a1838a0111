namespace K2Verifier.Datasets.Tests.Infrastructure;

/// <summary>A fact that needs python3 with python-jsonschema; skipped with a clear reason where it is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class JsonSchemaOracleFactAttribute : FactAttribute
{
    public JsonSchemaOracleFactAttribute()
    {
        if (!JsonSchemaOracle.IsAvailable)
        {
            Skip = "python3 with python-jsonschema is not available (python3 -c 'import jsonschema' failed): the oracle check cannot run";
        }
    }
}
