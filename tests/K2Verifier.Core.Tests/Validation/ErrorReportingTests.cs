using K2Verifier.Validation;
using static K2Verifier.Core.Tests.Validation.SchemaTestHelper;

namespace K2Verifier.Core.Tests.Validation;

public sealed class ErrorReportingTests
{
    [Theory]
    [InlineData("""{"required": ["x"]}""", "{}", "", "/required", "'x' is a required property")]
    [InlineData("""{"type": "string"}""", "3", "", "/type", "3 is not of type 'string'")]
    [InlineData("""{"type": ["string", "null"]}""", "3.5", "", "/type", "3.5 is not of type 'string', 'null'")]
    [InlineData("""{"enum": ["a", "b"]}""", "\"z\"", "", "/enum", "'z' is not one of ['a', 'b']")]
    [InlineData("""{"properties": {"a": {}}, "additionalProperties": false}""", """{"a": 1, "q": 2}""", "", "/additionalProperties", "Additional properties are not allowed ('q' was unexpected)")]
    [InlineData("""{"properties": {"a": {"items": {"minimum": 2}}}}""", """{"a": [3, 1]}""", "/a/1", "/properties/a/items/minimum", "1 is less than the minimum of 2")]
    [InlineData("""{"$defs": {"s": {"type": "string"}}, "properties": {"a~b": {"$ref": "#/$defs/s"}}}""", """{"a~b": true}""", "/a~0b", "/properties/a~0b/$ref/type", "True is not of type 'string'")]
    [InlineData("""{"minLength": 1}""", "\"\"", "", "/minLength", "'' should be non-empty")]
    [InlineData("""{"maximum": 1.5}""", "1e20", "", "/maximum", "1e+20 is greater than the maximum of 1.5")]
    [InlineData("""{"const": null}""", "false", "", "/const", "None was expected")]
    [InlineData("""{"anyOf": [{"type": "string"}, {"type": "integer"}]}""", "[1]", "", "/anyOf", "[1] is not valid under any of the given schemas")]
    public void Validate_Invalid_ReportsPathsAndPythonMessage(string schema, string instance, string instancePath, string keywordPath, string message)
    {
        var result = Validate(schema, instance);

        Assert.Equal(SchemaVerdict.Invalid, result.Verdict);
        var error = Assert.Single(result.Errors);
        Assert.Equal(instancePath, error.InstanceLocation);
        Assert.Equal(keywordPath, error.KeywordLocation);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Validate_SeveralViolations_ReportsEachOne()
    {
        var result = Validate("""{"required": ["a", "b"], "properties": {"c": {"type": "integer"}}}""", """{"c": "x"}""");

        Assert.Equal(3, result.Errors.Count);
    }

    [Fact]
    public void Validate_Valid_ReturnsTheSharedValidResult()
    {
        var result = Validate("""{"type": "object"}""", "{}");

        Assert.Same(SchemaValidationResult.Valid, result);
        Assert.Empty(result.Errors);
    }
}
