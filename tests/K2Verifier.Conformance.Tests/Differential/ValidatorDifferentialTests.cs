using System.Globalization;
using System.Text;
using K2Verifier.Conformance.Tests.Bfcl;
using K2Verifier.Conformance.Tests.Suite;
using K2Verifier.SpecValidation;
using K2Verifier.Tests.Support;
using K2Verifier.Validation;
using K2Verifier.Validation.CrossCheck;

namespace K2Verifier.Conformance.Tests.Differential;

/// <summary>
/// The python validator against the spec validator (JsonSchema.Net) over every JSON-Schema-Test-Suite case and every
/// shared BFCL call: each disagreement, counted by source and reason class, must match the golden list that
/// docs/validation.md explains, so no disagreement between the two is a surprise.
/// </summary>
public sealed class ValidatorDifferentialTests
{
    [Fact]
    public void SuiteAndBfcl_DisagreementsByClass_MatchTheDocumentedList()
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        void Compare(string source, System.Text.Json.JsonElement schema, System.Text.Json.JsonElement instance)
        {
            var python = JsonSchemaValidator.Default.Validate(schema, instance);
            var spec = SpecJsonSchemaValidator.Default.Validate(schema, instance);
            if (python.IsValid != spec.IsValid)
            {
                var key = $"{source}: {DisagreementReason.Classify(schema, python, spec)}";
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var test in SuiteCatalog.All.Values.Where(c => !c.IsOptional))
        {
            Compare($"suite {test.Draft}/{test.File}", test.Schema, test.Data);
        }

        foreach (var call in BfclData.Valid.Concat(BfclData.Invalid))
        {
            Compare("bfcl", call.Schema, call.Arguments);
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {SuiteCatalog.All.Values.Count(c => !c.IsOptional)} required suite cases, {BfclData.Valid.Count + BfclData.Invalid.Count} BFCL calls\n");
        foreach (var (key, count) in counts)
        {
            text.Append(CultureInfo.InvariantCulture, $"{key} {count}\n");
        }

        Golden.AssertMatches(text.ToString(), "validator-differential.txt");
    }
}
