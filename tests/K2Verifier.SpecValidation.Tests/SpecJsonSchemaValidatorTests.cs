using System.Text.Json;
using K2Verifier.Validation;

namespace K2Verifier.SpecValidation.Tests;

public sealed class SpecJsonSchemaValidatorTests
{
    [Theory]
    [InlineData("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""", """{"city":"Paris"}""", SchemaVerdict.Valid)]
    [InlineData("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""", """{}""", SchemaVerdict.Invalid)]
    [InlineData("""{"type":"string","format":"email"}""", "\"not an email\"", SchemaVerdict.Valid)]
    [InlineData("""{"type":"integer"}""", "1.0", SchemaVerdict.Valid)]
    [InlineData("""{"multipleOf":0.01}""", "19.99", SchemaVerdict.Valid)]
    [InlineData("""{"$schema":"https://example.com/unknown-dialect","type":"string"}""", "\"x\"", SchemaVerdict.InvalidSchema)]
    [InlineData("""{"type":"string","pattern":"(?P<name>a)"}""", "\"a\"", SchemaVerdict.InvalidSchema)]
    public void Validate_SpecSemantics(string schema, string instance, SchemaVerdict expected)
    {
        var result = SpecJsonSchemaValidator.Default.Validate(Parse(schema), Parse(instance));

        Assert.Equal(expected, result.Verdict);
        Assert.Equal(expected == SchemaVerdict.Valid, result.Errors.Count == 0);
    }

    [Fact]
    public void Validate_Invalid_ReportsInstanceAndKeywordLocations()
    {
        var result = SpecJsonSchemaValidator.Default.Validate(
            Parse("""{"type":"object","properties":{"list":{"type":"array","items":{"type":"integer"}}}}"""),
            Parse("""{"list":[1,"two"]}"""));

        var issue = Assert.Single(result.Errors);
        Assert.Equal("/list/1", issue.InstanceLocation);
        Assert.StartsWith("/properties/list/items", issue.KeywordLocation, StringComparison.Ordinal);
        Assert.Equal("type", issue.Keyword);
    }

    [Fact]
    public void Validate_Draft07RefWithSiblings_AppliesTheSiblings()
    {
        // JsonSchema.Net applies keywords beside $ref in draft-07, where python-jsonschema (and the draft) ignore them.
        var schema = Parse("""{"$schema":"http://json-schema.org/draft-07/schema#","definitions":{"s":{"type":"string"}},"properties":{"a":{"$ref":"#/definitions/s","maxLength":2}}}""");

        Assert.Equal(SchemaVerdict.Valid, JsonSchemaValidator.Default.Validate(schema, Parse("""{"a":"long"}""")).Verdict);
        Assert.Equal(SchemaVerdict.Invalid, SpecJsonSchemaValidator.Default.Validate(schema, Parse("""{"a":"long"}""")).Verdict);
    }

    [Fact]
    public void Validate_SameIdInTwoSchemas_NeverCollides()
    {
        var first = Parse("""{"$id":"https://example.com/tool","type":"string"}""");
        var second = Parse("""{"$id":"https://example.com/tool","type":"integer"}""");

        Assert.True(SpecJsonSchemaValidator.Default.Validate(first, Parse("\"x\"")).IsValid);
        Assert.True(SpecJsonSchemaValidator.Default.Validate(second, Parse("3")).IsValid);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
