using System.Text.Json;
using K2Verifier.Normalization;
using K2Verifier.Preparation;
using K2Verifier.Validation;

namespace K2Verifier.Core.Tests.Validation;

public sealed class ToolCallValidatorTests
{
    private static readonly IReadOnlyList<ToolDeclaration> Tools =
    [
        new("search", Json("""{"type":"object"}""")),
        new("broken", Json("""{"x-invalid":true}""")),
        new("free", null),
    ];

    private readonly ToolCallValidator _validator = new(new FakeSchemaValidator());

    [Fact]
    public void Validate_NotToolCalls_NotJudged()
    {
        var outcome = _validator.Validate("stop", [Call("search", "\"{}\"")], Tools);

        Assert.Null(outcome.ToolCallsValid);
        Assert.Empty(outcome.Checks);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Validate_EmptyOrMissingList_Invalid(bool missing)
    {
        var outcome = _validator.Validate("tool_calls", missing ? null : [], Tools);

        Assert.False(outcome.ToolCallsValid);
        Assert.Equal(ToolCallErrorCategory.EmptyToolCalls, Assert.Single(outcome.Checks).Category);
    }

    [Fact]
    public void Validate_ArgumentsAsStringAndObject_BothValid()
    {
        var outcome = _validator.Validate("tool_calls", [Call("search", "\"{\\\"q\\\":1}\""), Call("search", """{"q":1}""", 1)], Tools);

        Assert.True(outcome.ToolCallsValid);
        Assert.All(outcome.Checks, c => Assert.True(c.Valid));
    }

    [Fact]
    public void Validate_UndeclaredTool_Invalid()
    {
        var outcome = _validator.Validate("tool_calls", [Call("search", "\"{}\""), Call("delete_all", "\"{}\"", 1)], Tools);

        Assert.False(outcome.ToolCallsValid);
        Assert.True(outcome.Checks[0].Valid);
        Assert.Equal(ToolCallErrorCategory.UndeclaredTool, outcome.Checks[1].Category);
    }

    [Theory]
    [InlineData("\"{not json\"")]
    [InlineData(null)]
    public void Validate_ArgumentsNotJsonOrMissing_Invalid(string? arguments)
    {
        var outcome = _validator.Validate("tool_calls", [Call("search", arguments)], Tools);

        Assert.Equal(ToolCallErrorCategory.ArgumentsNotJson, Assert.Single(outcome.Checks).Category);
    }

    [Fact]
    public void Validate_SchemaViolation_CarriesPathAndKeyword()
    {
        var outcome = _validator.Validate("tool_calls", [Call("search", """{"bad":1}""")], Tools);

        var check = Assert.Single(outcome.Checks);
        Assert.Equal(ToolCallErrorCategory.SchemaViolation, check.Category);
        Assert.Equal("/bad", check.InstancePath);
        Assert.Equal("type", check.Keyword);
    }

    [Fact]
    public void Validate_InvalidSchema_NeverPasses()
    {
        var outcome = _validator.Validate("tool_calls", [Call("broken", """{}""")], Tools);

        Assert.Equal(ToolCallErrorCategory.InvalidSchema, Assert.Single(outcome.Checks).Category);
    }

    [Fact]
    public void Validate_ToolWithoutParameters_AcceptsAnyArguments()
    {
        // K2VV fails every call to such a tool; an absent schema constrains nothing.
        Assert.True(_validator.Validate("tool_calls", [Call("free", """{"anything":[1]}""")], Tools).ToolCallsValid);
    }

    [Fact]
    public void Validate_StringArgumentsThatAreNotAnObject_JudgedBySchema()
    {
        var outcome = _validator.Validate("tool_calls", [Call("search", "\"5\"")], Tools);

        Assert.Equal(ToolCallErrorCategory.SchemaViolation, Assert.Single(outcome.Checks).Category);
    }

    private static NormalizedToolCall Call(string name, string? argumentsJson, int index = 0) =>
        new(index, $"functions.{name}:{index}", name, argumentsJson is null ? null : Json(argumentsJson));

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
