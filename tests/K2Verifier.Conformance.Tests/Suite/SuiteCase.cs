using System.Text.Json;

namespace K2Verifier.Conformance.Tests.Suite;

/// <summary>One test of the JSON-Schema-Test-Suite with the verdict python-jsonschema gives (without format checking).</summary>
internal sealed record SuiteCase(
    string Id, string Draft, string File, string Group, string Description, JsonElement Schema, JsonElement Data, bool SuiteValid, string Expected)
{
    public bool IsOptional => File.StartsWith("optional/", StringComparison.Ordinal);
}
