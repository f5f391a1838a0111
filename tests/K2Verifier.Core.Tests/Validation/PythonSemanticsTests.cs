using K2Verifier.Validation;
using static K2Verifier.Core.Tests.Validation.SchemaTestHelper;

namespace K2Verifier.Core.Tests.Validation;

/// <summary>Where python-jsonschema differs from a literal reading of the spec, we follow python.</summary>
public sealed class PythonSemanticsTests
{
    [Theory]
    [InlineData("1", SchemaVerdict.Valid)]
    [InlineData("1.0", SchemaVerdict.Valid)]
    [InlineData("1e20", SchemaVerdict.Valid)]
    [InlineData("12345678901234567890123456789", SchemaVerdict.Valid)]
    [InlineData("1.5", SchemaVerdict.Invalid)]
    [InlineData("1e400", SchemaVerdict.Invalid)]
    [InlineData("true", SchemaVerdict.Invalid)]
    [InlineData("\"1\"", SchemaVerdict.Invalid)]
    public void Validate_IntegerType_FollowsPythonIsInteger(string instance, SchemaVerdict expected)
    {
        var result = Validate("""{"type": "integer"}""", instance);

        Assert.Equal(expected, result.Verdict);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public void Validate_BooleanAgainstNumber_IsInvalid(string instance)
    {
        Assert.Equal(SchemaVerdict.Invalid, Validate("""{"type": "number"}""", instance).Verdict);
    }

    [Theory]
    [InlineData("0.01", "0.5", SchemaVerdict.Valid)]
    [InlineData("0.01", "0.07", SchemaVerdict.Invalid)]
    [InlineData("0.01", "19.99", SchemaVerdict.Invalid)]
    [InlineData("0.01", "0.075", SchemaVerdict.Invalid)]
    [InlineData("0.1", "0.3", SchemaVerdict.Invalid)]
    [InlineData("0.01", "1e308", SchemaVerdict.Invalid)]
    [InlineData("0.5", "1e308", SchemaVerdict.Valid)]
    [InlineData("2", "4.0", SchemaVerdict.Valid)]
    [InlineData("2", "5", SchemaVerdict.Invalid)]
    [InlineData("1.5", "4.5", SchemaVerdict.Valid)]
    public void Validate_MultipleOf_MatchesPythonFloatDivision(string divisor, string instance, SchemaVerdict expected)
    {
        // Expectations computed with python-jsonschema 4.26: 0.07 / 0.01 == 7.000000000000001, so 0.07 is not a
        // multiple of 0.01; 1e308 / 0.01 overflows to inf and falls back to exact fractions.
        var result = Validate($$"""{"multipleOf": {{divisor}}}""", instance);

        Assert.Equal(expected, result.Verdict);
    }

    [Theory]
    [InlineData("\"😀😀\"", 2, SchemaVerdict.Valid)]
    [InlineData("\"😀😀😀\"", 2, SchemaVerdict.Invalid)]
    [InlineData("\"\\ud83d\\ude00\"", 1, SchemaVerdict.Valid)]
    [InlineData("\"é\"", 1, SchemaVerdict.Valid)]
    public void Validate_MaxLength_CountsCodePoints(string instance, int maxLength, SchemaVerdict expected)
    {
        Assert.Equal(expected, Validate($$"""{"maxLength": {{maxLength}}}""", instance).Verdict);
    }

    [Fact]
    public void Validate_MinLengthWithEmoji_CountsOneCodePointEach()
    {
        Assert.Equal(SchemaVerdict.Invalid, Validate("""{"minLength": 3}""", "\"😀😀\"").Verdict);
    }

    [Theory]
    [InlineData("[1, 1.0]", SchemaVerdict.Invalid)]
    [InlineData("[1, true]", SchemaVerdict.Valid)]
    [InlineData("[{\"a\": 1, \"b\": 2}, {\"b\": 2, \"a\": 1.0}]", SchemaVerdict.Invalid)]
    [InlineData("[[1], [1, 1]]", SchemaVerdict.Valid)]
    public void Validate_UniqueItems_UsesPythonEquality(string instance, SchemaVerdict expected)
    {
        Assert.Equal(expected, Validate("""{"uniqueItems": true}""", instance).Verdict);
    }

    [Theory]
    [InlineData("1.0", SchemaVerdict.Valid)]
    [InlineData("true", SchemaVerdict.Invalid)]
    [InlineData("\"1\"", SchemaVerdict.Invalid)]
    public void Validate_EnumNumber_OneEqualsOnePointZeroButNotTrue(string instance, SchemaVerdict expected)
    {
        Assert.Equal(expected, Validate("""{"enum": [1, "a"]}""", instance).Verdict);
    }

    [Fact]
    public void Validate_LargeIntegers_CompareExactly()
    {
        var schema = """{"maximum": 9007199254740993}""";

        Assert.Equal(SchemaVerdict.Valid, Validate(schema, "9007199254740993").Verdict);
        Assert.Equal(SchemaVerdict.Invalid, Validate(schema, "9007199254740994").Verdict);
        Assert.Equal(SchemaVerdict.Valid, Validate(schema, "9007199254740992.0").Verdict);
    }

    [Fact]
    public void Validate_Format_IsNotAsserted()
    {
        Assert.Equal(SchemaVerdict.Valid, Validate("""{"format": "date"}""", "\"not a date\"").Verdict);
    }
}
