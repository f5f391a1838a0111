using K2Verifier.Validation;
using static K2Verifier.Core.Tests.Validation.SchemaTestHelper;

namespace K2Verifier.Core.Tests.Validation;

/// <summary>
/// The compiler and the keywords take shortcuts for plain schemas (no identifier walk, elements handed down instead of
/// found again by pointer, keyword names without strings, declared properties looked up from the instance's side,
/// strings compared as bytes); each one's way back to the general path, where a shortcut would be wrong.
/// </summary>
public sealed class CompilationShortcutTests
{
    private const string TenIntegers = """
        {"properties": {"p0": {"type": "integer"}, "p1": {"type": "integer"}, "p2": {"type": "integer"},
         "p3": {"type": "integer"}, "p4": {"type": "integer"}, "p5": {"type": "integer"}, "p6": {"type": "integer"},
         "p7": {"type": "integer"}, "p8": {"type": "integer"}, "p9": {"type": "integer"}}}
        """;

    [Fact]
    public void ManyDeclaredProperties_ErrorsComeInDeclaredOrder_WhateverTheInstanceOrder()
    {
        var result = Validate(TenIntegers, """{"p7": "x", "zz": "q", "p2": "y"}""");

        Assert.Equal(["/p2", "/p7"], result.Errors.Select(e => e.InstanceLocation));
        Assert.Equal(["/properties/p2/type", "/properties/p7/type"], result.Errors.Select(e => e.KeywordLocation));
    }

    [Theory]
    [InlineData("""{"\u0070\u0033": "x"}""", "/p3")] // an escaped name: looked up the general way
    [InlineData("""{"p3": 1, "p3": "x"}""", "/p3")] // a name given twice: the last one counts, once (as Python's dict)
    [InlineData("""{"p0": 0, "p1": 1, "p2": 2, "p3": 3, "p4": 4, "p5": 5, "p6": 6, "p7": 7, "p8": 8, "p9": "x", "q": 1}""", "/p9")] // more members than declared
    public void ManyDeclaredProperties_EscapedDuplicateOrLargeInstances_StillChecked(string instance, string invalidAt)
    {
        var result = Validate(TenIntegers, instance);

        Assert.Equal(invalidAt, Assert.Single(result.Errors).InstanceLocation);
    }

    [Fact]
    public void ManyDeclaredProperties_DeclaredTwice_EachDeclarationChecked()
    {
        const string schema = """
            {"properties": {"a": {"type": "integer"}, "b": {}, "c": {}, "d": {}, "e": {}, "f": {}, "g": {}, "h": {}, "a": {"minimum": 5}}}
            """;

        Assert.Equal(SchemaVerdict.Valid, Validate(schema, """{"a": 7}""").Verdict);
        Assert.Equal(SchemaVerdict.Invalid, Validate(schema, """{"a": 3}""").Verdict);
    }

    [Theory]
    [InlineData("1", SchemaVerdict.Valid)]
    [InlineData("\"s\"", SchemaVerdict.Invalid)]
    public void EscapedIdentifier_IsStillRegistered(string instance, SchemaVerdict expected)
    {
        // "\u0024id" is "$id": the text holds no "$id", so the identifier walk must not be skipped on the text alone.
        const string schema = """{"definitions": {"n": {"\u0024id": "http://example.com/n", "type": "integer"}}, "$ref": "http://example.com/n"}""";

        Assert.Equal(expected, Validate(schema, instance).Verdict);
    }

    [Theory]
    [InlineData("""{"a": 1}""", SchemaVerdict.Valid)]
    [InlineData("""{"a": "x"}""", SchemaVerdict.Invalid)]
    public void DuplicateKeywords_TheLastValueCounts(string instance, SchemaVerdict expected)
    {
        const string schema = """{"properties": {"a": {"type": "string"}}, "properties": {"a": {"type": "integer"}}}""";

        Assert.Equal(expected, Validate(schema, instance).Verdict);
    }

    [Theory]
    [InlineData("\"ab\"", SchemaVerdict.Valid)]
    [InlineData("\"a\\u0062\"", SchemaVerdict.Valid)]
    [InlineData("\"a\\\"b\"", SchemaVerdict.Invalid)]
    [InlineData("\"abc\"", SchemaVerdict.Invalid)]
    public void EnumStrings_EqualByValue_EscapedOrNot(string instance, SchemaVerdict expected)
    {
        Assert.Equal(expected, Validate("""{"enum": ["x", "a\u0062", {"k": "v"}]}""", instance).Verdict);
        Assert.Equal(expected == SchemaVerdict.Valid ? SchemaVerdict.Valid : SchemaVerdict.Invalid, Validate("""{"enum": ["ab"]}""", instance).Verdict);
    }

    [Theory]
    [InlineData("""{"k": "v"}""", SchemaVerdict.Valid)]
    [InlineData("""{"\u006b": "\u0076"}""", SchemaVerdict.Valid)]
    [InlineData("""{"k": "v", "l": 1}""", SchemaVerdict.Invalid)]
    public void EnumObjects_EqualByMembers_EscapedOrNot(string instance, SchemaVerdict expected)
    {
        Assert.Equal(expected, Validate("""{"enum": [{"k": "v"}]}""", instance).Verdict);
    }

    [Fact]
    public void UnknownAndEscapedKeywordNames_AreReadAsPythonReadsThem()
    {
        // "\u0074ype" is "type"; a description longer than every keyword is no keyword.
        const string schema = """{"\u0074ype": "string", "a-member-name-longer-than-any-keyword": 1, "description": "d"}""";

        Assert.Equal(SchemaVerdict.Invalid, Validate(schema, "1").Verdict);
        Assert.Equal(SchemaVerdict.Valid, Validate(schema, "\"s\"").Verdict);
    }
}
