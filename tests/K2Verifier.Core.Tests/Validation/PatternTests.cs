using K2Verifier.Validation;
using static K2Verifier.Core.Tests.Validation.SchemaTestHelper;

namespace K2Verifier.Core.Tests.Validation;

public sealed class PatternTests
{
    [Theory]
    [InlineData("abc", "xxabcxx", SchemaVerdict.Valid)]
    [InlineData("^abc$", "xxabcxx", SchemaVerdict.Invalid)]
    [InlineData("(?P<n>a)(?P=n)", "baab", SchemaVerdict.Valid)]
    [InlineData("(?P<n>a)(?P=n)", "ab", SchemaVerdict.Invalid)]
    [InlineData("^a\\Z", "a", SchemaVerdict.Valid)]
    [InlineData("^a\\Z", "a\n", SchemaVerdict.Invalid)]
    [InlineData("^a$", "a\n", SchemaVerdict.Valid)]
    [InlineData("^\\d+$", "١٢٣", SchemaVerdict.Valid)]
    [InlineData("^\\w+$", "héllo", SchemaVerdict.Valid)]
    [InlineData("^.$", "😀", SchemaVerdict.Valid)]
    [InlineData("^[^a]$", "😀", SchemaVerdict.Valid)]
    [InlineData("^a{,2}$", "aa", SchemaVerdict.Valid)]
    [InlineData("^a{,2}$", "aaa", SchemaVerdict.Invalid)]
    public void Validate_Pattern_UsesPythonReSearch(string pattern, string instance, SchemaVerdict expected)
    {
        var schema = System.Text.Json.JsonSerializer.Serialize(new { pattern });
        var json = System.Text.Json.JsonSerializer.Serialize(instance);

        Assert.Equal(expected, Validate(schema, json).Verdict);
    }

    [Theory]
    [InlineData("\\p{L}")]
    [InlineData("\\p{Letter}")]
    [InlineData("(?<n>a)")]
    [InlineData("[a-")]
    [InlineData("\\e")]
    [InlineData("a{3,2}")]
    [InlineData("(?P=missing)")]
    public void Validate_PatternPythonCannotCompile_IsInvalidSchema(string pattern)
    {
        var schema = System.Text.Json.JsonSerializer.Serialize(new { type = "string", pattern });

        var result = Validate(schema, "\"x\"");

        Assert.Equal(SchemaVerdict.InvalidSchema, result.Verdict);
        Assert.Contains(result.Errors, e => e.KeywordLocation == "/pattern");
    }

    [Fact]
    public void Validate_PatternPropertiesKeyPythonCannotCompile_IsInvalidSchema()
    {
        var result = Validate("""{"patternProperties": {"\\p{L}": {}}}""", "{}");

        Assert.Equal(SchemaVerdict.InvalidSchema, result.Verdict);
    }

    [Fact]
    public void Validate_PatternProperties_SearchesPropertyNames()
    {
        var schema = """{"patternProperties": {"^x_": {"type": "integer"}}, "additionalProperties": false}""";

        Assert.Equal(SchemaVerdict.Valid, Validate(schema, """{"x_a": 1}""").Verdict);
        Assert.Equal(SchemaVerdict.Invalid, Validate(schema, """{"x_a": "s"}""").Verdict);
        Assert.Equal(SchemaVerdict.Invalid, Validate(schema, """{"y": 1}""").Verdict);
    }
}
