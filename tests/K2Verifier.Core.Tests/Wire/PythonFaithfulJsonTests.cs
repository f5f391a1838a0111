using System.Text.Json;
using K2Verifier.Metrics;
using K2Verifier.Normalization;
using K2Verifier.Preparation;
using K2Verifier.Results;
using K2Verifier.Validation;

namespace K2Verifier.Core.Tests.Wire;

public sealed class PythonFaithfulJsonTests
{
    private static readonly ToolDeclaration Tool = new("search", JsonDocument.Parse("""{"type":"object","properties":{"queries":{"type":"array"},"n":{"type":"number","maximum":5}},"required":["queries"]}""").RootElement);

    [Theory]
    [InlineData("""{"queries": ["x"], "n": NaN}""", true)]
    [InlineData("""{"queries": ["x"], "n": Infinity}""", false)]
    [InlineData("""{"queries": ["x"], "n": -Infinity}""", true)]
    [InlineData("""{"queries": ["NaN"], "n": 1}""", true)]
    [InlineData("""{"queries": ["x"], "n": nan}""", false)]
    public void Validate_NonStandardNumbers_AsPythonJsonschemaJudgesThem(string arguments, bool valid)
    {
        // Python: nan passes maximum (every comparison with nan is false), inf does not; json.loads rejects "nan".
        var outcome = Validate(arguments);

        Assert.Equal(valid, outcome.ToolCallsValid);
    }

    [Fact]
    public void Validate_NaNWhereAnIntegerIsRequired_Invalid()
    {
        var tool = new ToolDeclaration("search", JsonDocument.Parse("""{"type":"object","properties":{"n":{"type":"integer"}}}""").RootElement);

        var outcome = new ToolCallValidator(JsonSchemaValidator.Default).Validate("tool_calls", [Call("""{"n": NaN}""")], [tool]);

        Assert.Equal(ToolCallErrorCategory.SchemaViolation, Assert.Single(outcome.Checks).Category);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(900, true)]
    [InlineData(1200, false)]
    public void Validate_DeepNesting_AcceptedUpToPythonsLimit(int depth, bool valid)
    {
        var arguments = """{"queries": ["x"], "d": """ + new string('[', depth - 1) + new string(']', depth - 1) + "}";

        var outcome = Validate(arguments);

        Assert.Equal(valid, outcome.ToolCallsValid);
        Assert.Equal(valid ? null : ToolCallErrorCategory.ArgumentsNotJson, Assert.Single(outcome.Checks).Category);
    }

    [Fact]
    public void Score_ArgumentsObjectNested80Deep_RowStaysReadableAndScored()
    {
        // Arrange: the vendor sent the arguments as an object (not a string) nested 80 levels deep.
        var deep = new string('[', 79) + new string(']', 79);
        var path = Path.Combine(TempFile.Directory(), "results.jsonl");
        var row = TestData.Row(1, "tool_calls") with
        {
            ResponseJson = """{"id":"x","object":"chat.completion","created":1,"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"functions.f:0","type":"function","function":{"name":"f","arguments":{"d":"""
                + deep + """}}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""",
        };
        File.WriteAllText(path, CaseResultSerializer.ToJson(row) + "\n");

        // Act
        var scored = new ResultsScorer(new CaseEvaluator(JsonSchemaValidator.Default)).Read(path);
        var read = Assert.Single(ResultsFile.Read(path));

        // Assert
        Assert.Equal(0, scored.UnreadableRows);
        var outcome = Assert.Single(scored.Outcomes);
        Assert.True(outcome.ToolCallsValid);
        Assert.Contains(outcome.WireFindings, f => f.Code == "arguments_not_string");
        Assert.Contains(outcome.WireFindings, f => f.Code == "deep_nesting" && f.Excerpt == "nested 80 levels");
        Assert.Null(read.Problem);
    }

    [Fact]
    public void Score_OldJournalWithoutFindings_GainsThem()
    {
        // Arrange: a row as written before wire findings existed (no wire_findings field), with a leaked marker.
        var path = Path.Combine(TempFile.Directory(), "results.jsonl");
        var row = TestData.Row(2, "stop") with
        {
            ResponseJson = """{"id":"x","object":"chat.completion","created":1,"choices":[{"index":0,"message":{"role":"assistant","content":"<|tool_calls_section_begin|>"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""",
        };
        var json = CaseResultSerializer.ToJson(row).Replace(",\"wire_findings\":[]", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("wire_findings", json, StringComparison.Ordinal);
        File.WriteAllText(path, json + "\n");

        // Act
        var summary = new ResultsScorer(new CaseEvaluator(JsonSchemaValidator.Default)).Score(path, new RunInfo());

        // Assert
        Assert.Equal(1, summary.Wire.LeakedMarkers);
        Assert.Equal(1, summary.Wire.Errors);
        Assert.Equal(1, summary.FinishStop);
    }

    private static ValidationOutcome Validate(string arguments) =>
        new ToolCallValidator(JsonSchemaValidator.Default).Validate("tool_calls", [Call(arguments)], [Tool]);

    private static NormalizedToolCall Call(string arguments) =>
        new(0, "functions.search:0", "search", JsonSerializer.SerializeToElement(arguments));
}
