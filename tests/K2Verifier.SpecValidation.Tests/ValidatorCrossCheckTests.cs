using System.Text.Json;
using K2Verifier.Results;
using K2Verifier.Validation;
using K2Verifier.Validation.CrossCheck;

namespace K2Verifier.SpecValidation.Tests;

public sealed class ValidatorCrossCheckTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k2v-cross-check-").FullName;

    [Fact]
    public void Check_Journal_ListsEveryValidatorSensitiveCallWithItsReason()
    {
        // Arrange: one row per known disagreement class, one agreed row, one failed row, one row superseded later.
        var path = Path.Combine(_directory, "results.jsonl");
        File.WriteAllLines(path,
        [
            Row(1, """{"type":"object","properties":{"price":{"multipleOf":0.01}}}""", """{"price":19.99}"""),
            Row(2, """{"$schema":"http://json-schema.org/draft-07/schema#","definitions":{"s":{"type":"string"}},"properties":{"a":{"$ref":"#/definitions/s","maxLength":2}}}""", """{"a":"long"}"""),
            Row(3, """{"$schema":"https://example.com/my-dialect","type":"object"}""", """{}"""),
            Row(4, """{"type":"object","properties":{"id":{"type":"string","pattern":"^(?P<id>[a-z]+)$"}}}""", """{"id":"abc"}"""),
            Row(5, """{"type":"object","properties":{"city":{"type":"string"}}}""", """{"city":"Paris"}"""),
            Row(6, """{"type":"object","properties":{"price":{"multipleOf":0.01}}}""", """{"price":19.99}""", "failed"),
            Row(7, """{"type":"object","properties":{"price":{"multipleOf":0.01}}}""", """{"price":19.99}"""),
            Row(7, """{"type":"object","properties":{"price":{"multipleOf":0.01}}}""", """{"price":20}"""),
        ]);
        var crossCheck = new ValidatorCrossCheck(JsonSchemaValidator.Default, SpecJsonSchemaValidator.Default);

        // Act
        var calls = new ResultsScorer(new CaseEvaluator(JsonSchemaValidator.Default)).Read(path, options: new JournalReadOptions { CrossCheck = crossCheck }).SensitiveCalls!;

        // Assert
        Assert.Equal([1, 2, 3, 4], calls.Select(c => c.DataIndex));
        Assert.Equal(
            [DisagreementReason.NumberRepresentation, DisagreementReason.RefSiblings, DisagreementReason.UnknownDialect, DisagreementReason.RegexDialect],
            calls.Select(c => c.Reason));
        Assert.Equal(("invalid", "valid"), (calls[0].Python, calls[0].Spec));
        Assert.Equal(("valid", "invalid"), (calls[1].Python, calls[1].Spec));
        Assert.Equal("invalid_schema", calls[3].Spec);
        Assert.All(calls, c => Assert.Equal("f", c.ToolName));
    }

    [Fact]
    public void Check_IdEmbeddedUnderDefinitions_IsRefResolution()
    {
        // As draft7/ref.json of the JSON-Schema-Test-Suite: no $schema, an $id under draft-07's "definitions".
        var path = Path.Combine(_directory, "results.jsonl");
        File.WriteAllLines(path,
        [
            Row(1, """{"$id":"http://example.com/root.json","definitions":{"n":{"$id":"http://example.com/n.json","type":"number"}},"type":"object","properties":{"a":{"$ref":"http://example.com/n.json"}}}""", """{"a":1}"""),
        ]);
        var crossCheck = new ValidatorCrossCheck(JsonSchemaValidator.Default, SpecJsonSchemaValidator.Default);

        var call = Assert.Single(new ResultsScorer(new CaseEvaluator(JsonSchemaValidator.Default)).Read(path, options: new JournalReadOptions { CrossCheck = crossCheck }).SensitiveCalls!);

        Assert.Equal(DisagreementReason.RefResolution, call.Reason);
        Assert.Equal(("valid", "invalid_schema"), (call.Python, call.Spec));
        Assert.Contains("Could not resolve", call.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_MaxLengthFailure_IsStringLength()
    {
        var schema = JsonDocument.Parse("""{"maxLength":1}""").RootElement;
        var invalid = new SchemaValidationResult(SchemaVerdict.Invalid, [new ValidationIssue("", "/maxLength", "too long")]);

        Assert.Equal(DisagreementReason.StringLength, DisagreementReason.Classify(schema, SchemaValidationResult.Valid, invalid));
        Assert.Equal(DisagreementReason.Other, DisagreementReason.Classify(schema, SchemaValidationResult.Valid, invalid with { Errors = [new ValidationIssue("", "/required", "x")] }));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Row(int index, string schema, string arguments, string status = "success")
    {
        var tools = "[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":" + schema + "}}]";
        var call = "{\"id\":\"functions.f:0\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":" + JsonSerializer.Serialize(arguments) + "}}";
        return $$"""{"data_index":{{index}},"request":{"messages":[{"role":"user","content":"hi"}],"tools":{{tools}}},"response":{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{{call}}]},"finish_reason":"tool_calls"}]},"status":"{{status}}","finish_reason":"tool_calls"}""";
    }
}
