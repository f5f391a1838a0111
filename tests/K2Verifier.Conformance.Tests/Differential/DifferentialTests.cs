using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Conformance.Tests.Bfcl;
using K2Verifier.Validation;
using Xunit.Abstractions;

namespace K2Verifier.Conformance.Tests.Differential;

/// <summary>
/// Differential test against python-jsonschema: deterministic mutations of the BFCL valid arguments (and of their
/// schemas) are validated by both; every verdict (valid / invalid / invalid schema) must agree.
/// </summary>
public sealed class DifferentialTests
{
    private const int Seed = 20260822;
    private const int ArgumentMutationsPerCall = 3;
    private const int SchemaMutationCount = 600;
    private readonly ITestOutputHelper _output;

    public DifferentialTests(ITestOutputHelper output) => _output = output;

    [PythonOracleFact]
    public void MutatedBfclCases_AgreeWithPythonJsonschema()
    {
        var cases = BuildCases();
        var path = Path.Combine(Path.GetTempPath(), $"k2v-differential-{Environment.ProcessId}.jsonl");
        try
        {
            File.WriteAllLines(path, cases.Select(c => new JsonObject { ["schema"] = JsonNode.Parse(c.Schema), ["instance"] = JsonNode.Parse(c.Instance) }.ToJsonString()));
            var oracle = PythonOracle.Run(path);
            Assert.Equal(cases.Count, oracle.Count);

            var mismatches = new StringBuilder();
            var count = 0;
            var verdicts = new Dictionary<string, int>();
            for (var i = 0; i < cases.Count; i++)
            {
                var ours = Verdict(cases[i]);
                var python = oracle[i].StartsWith("error:", StringComparison.Ordinal) ? "schema-error" : oracle[i];
                verdicts[python] = verdicts.GetValueOrDefault(python) + 1;
                if (ours != python)
                {
                    count++;
                    mismatches.AppendLine($"#{i} ({cases[i].Origin}): python {oracle[i]}, ours {ours}\n  schema: {cases[i].Schema}\n  instance: {cases[i].Instance}");
                }
            }

            var summary = $"differential: {cases.Count} cases, {cases.Count - count} agree, {count} disagree; python verdicts: " +
                string.Join(", ", verdicts.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} {v.Value}"));
            _output.WriteLine(summary);
            Console.WriteLine(summary);
            Assert.True(cases.Count >= 5000, $"only {cases.Count} cases");
            Assert.True(verdicts.Count == 3, "the cases must exercise valid, invalid and schema-error verdicts");
            Assert.True(count == 0, summary + "\n" + mismatches);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Verdict(DifferentialCase testCase)
    {
        using var schema = JsonDocument.Parse(testCase.Schema);
        using var instance = JsonDocument.Parse(testCase.Instance);
        return JsonSchemaValidator.Default.Validate(schema.RootElement, instance.RootElement).Verdict switch
        {
            SchemaVerdict.Valid => "valid",
            SchemaVerdict.Invalid => "invalid",
            _ => "schema-error",
        };
    }

    private static List<DifferentialCase> BuildCases()
    {
        var arguments = new ArgumentMutator(Seed);
        var schemas = new SchemaMutator(Seed + 1);
        var cases = new List<DifferentialCase>();
        var calls = BfclData.Valid;
        foreach (var call in calls)
        {
            var schema = call.Schema.GetRawText();
            cases.Add(new DifferentialCase(schema, call.Arguments.GetRawText(), $"{call.Label} original"));
            for (var i = 0; i < ArgumentMutationsPerCall; i++)
            {
                cases.Add(new DifferentialCase(schema, arguments.Mutate(call.Arguments, call.Schema).ToJsonString(), $"{call.Label} argument mutation {i}"));
            }
        }

        for (var i = 0; i < SchemaMutationCount; i++)
        {
            var call = calls[(i * 7919) % calls.Count];
            var instance = i % 3 == 0 ? arguments.Mutate(call.Arguments, call.Schema).ToJsonString() : call.Arguments.GetRawText();
            cases.Add(new DifferentialCase(schemas.Mutate(call.Schema, call.Arguments).ToJsonString(), instance, $"{call.Label} schema mutation {i}"));
        }

        return cases;
    }

    private sealed record DifferentialCase(string Schema, string Instance, string Origin);
}
