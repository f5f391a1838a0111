using K2Verifier.Validation;
using static K2Verifier.Core.Tests.Validation.SchemaTestHelper;

namespace K2Verifier.Core.Tests.Validation;

public sealed class InvalidSchemaTests
{
    [Theory]
    [InlineData("""{"type": "dict"}""", "")]
    [InlineData("""{"required": true}""", "/required")]
    [InlineData("""{"minLength": -1}""", "/minLength")]
    [InlineData("""{"properties": {"a": 5}}""", "/properties/a")]
    [InlineData("""{"enum": 3}""", "/enum")]
    [InlineData("""{"$schema": "http://json-schema.org/draft-07/schema#", "required": "a"}""", "/required")]
    [InlineData("""{"items": [{}]}""", "/items")]
    [InlineData("5", "")]
    public void Validate_SchemaFailingItsMetaschema_IsInvalidSchemaNeverAPass(string schema, string location)
    {
        var result = Validate(schema, "{}");

        Assert.Equal(SchemaVerdict.InvalidSchema, result.Verdict);
        Assert.NotEmpty(result.Errors);
        if (location.Length > 0)
        {
            Assert.Contains(result.Errors, e => e.KeywordLocation == location);
        }
    }

    [Fact]
    public void Validate_Draft7ArrayItems_IsValidSchemaInDraft7()
    {
        var result = Validate("""{"$schema": "http://json-schema.org/draft-07/schema#", "items": [{"type": "string"}]}""", """["a", 1]""");

        Assert.Equal(SchemaVerdict.Valid, result.Verdict);
    }

    [Fact]
    public void Validate_UnknownKeywords_AreAllowed()
    {
        Assert.Equal(SchemaVerdict.Valid, Validate("""{"x-custom": {"type": 5}, "description": "d"}""", "1").Verdict);
    }

    [Fact]
    public void Validate_UnresolvableRefWhenReached_IsInvalidSchema()
    {
        var schema = """{"properties": {"a": {"$ref": "#/$defs/missing"}}}""";

        Assert.Equal(SchemaVerdict.Valid, Validate(schema, "{}").Verdict);
        Assert.Equal(SchemaVerdict.InvalidSchema, Validate(schema, """{"a": 1}""").Verdict);
    }

    [Fact]
    public void Validate_RemoteRefWithoutLoader_IsInvalidSchemaNotACrash()
    {
        var result = Validate("""{"$ref": "https://example.com/schema.json"}""", "1");

        Assert.Equal(SchemaVerdict.InvalidSchema, result.Verdict);
    }

    [Fact]
    public void Validate_RefCycleThatNeverConsumesInput_IsInvalidSchema()
    {
        var result = Validate("""{"$defs": {"a": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}""", "1");

        Assert.Equal(SchemaVerdict.InvalidSchema, result.Verdict);
    }

    [Fact]
    public void Validate_DefaultDraftOption_SelectsDraft7ForSchemasWithoutSchemaKeyword()
    {
        var draft7 = new JsonSchemaValidator(new JsonSchemaValidatorOptions { DefaultDraft = SchemaDraft.Draft7 });
        var schema = """{"definitions": {"a": {}}, "$ref": "#/definitions/a", "type": "string"}""";

        Assert.Equal(SchemaVerdict.Valid, Validate(schema, "5", draft7).Verdict);
        Assert.Equal(SchemaVerdict.Invalid, Validate(schema, "5").Verdict);
    }
}
