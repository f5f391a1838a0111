using K2Verifier.Validation;

namespace K2Verifier.Conformance.Tests.Bfcl;

/// <summary>Parity with python-jsonschema on real tool schemas: BFCL ground truth it accepts / rejects.</summary>
public sealed class BfclParityTests
{
    [Fact]
    public void ValidArguments_AllValid()
    {
        var calls = BfclData.Valid;

        var disagreements = calls
            .Select(call => (call, result: JsonSchemaValidator.Default.Validate(call.Schema, call.Arguments)))
            .Where(x => x.result.Verdict != SchemaVerdict.Valid)
            .Select(x => $"{x.call.Label}: {x.result.Verdict}: {string.Join("; ", x.result.Errors.Select(e => e.Message))}")
            .ToList();

        Assert.Equal(2472, calls.Count);
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {calls.Count} disagree:\n{string.Join('\n', disagreements)}");
    }

    [Fact]
    public void InvalidArguments_AllInvalid()
    {
        var calls = BfclData.Invalid;

        var disagreements = calls
            .Select(call => (call, result: JsonSchemaValidator.Default.Validate(call.Schema, call.Arguments)))
            .Where(x => x.result.Verdict != SchemaVerdict.Invalid)
            .Select(x => $"{x.call.Label}: {x.result.Verdict}")
            .ToList();

        Assert.Equal(89, calls.Count);
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {calls.Count} disagree:\n{string.Join('\n', disagreements)}");
    }
}
