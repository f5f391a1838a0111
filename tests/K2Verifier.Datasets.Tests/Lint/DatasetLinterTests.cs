using K2Verifier.Datasets.Lint;
using K2Verifier.Datasets.Tests.Infrastructure;

namespace K2Verifier.Datasets.Tests.Lint;

public sealed class DatasetLinterTests
{
    private const string Tool = """{"type":"function","function":{"name":"search","parameters":{"type":"object","properties":{"q":{"type":"string"}}}}}""";

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"messages":[]}""", "$.messages: empty")]
    [InlineData("""{"messages":[{"role":"robot","content":"x"}]}""", "$.messages[0].role: 'robot' is not one of")]
    [InlineData("""{"messages":[{"role":"user","content":5}]}""", "$.messages[0].content: expected a string")]
    [InlineData("""{"messages":[{"role":"user","content":[{"type":"text"}]}]}""", "$.messages[0].content[0].text: missing")]
    [InlineData("""{"messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"dict"}}}]}""", "$.tools[0].function.parameters: not a valid JSON Schema")]
    [InlineData("""{"messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f"}},{"type":"function","function":{"name":"f"}}]}""", "'f' is declared twice")]
    [InlineData("""{"messages":[{"role":"user","content":"x"},{"role":"tool","tool_call_id":"functions.f:0","content":"r"}]}""", "'functions.f:0' answers no earlier tool call")]
    [InlineData("""{"messages":[{"role":"user","content":"x"}],"tool_choice":"required"}""", "\"required\" but no tools are declared")]
    [InlineData("""{"messages":[{"role":"user","content":"x"}],"tool_choice":{"type":"function","function":{"name":"nope"}}}""", "'nope' is not a declared tool")]
    [InlineData("""{"messages":[{"role":"user","content":"x"}],"stream":"yes"}""", "$.stream: expected true or false")]
    public async Task LintAsync_BrokenLine_ReportsErrorWithLocation(string line, string expected)
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = temp.File("bad.jsonl", "\n" + line + "\n");

        // Act
        var report = await DatasetLinter.LintAsync(path);

        // Assert
        var issue = Assert.Single(report.Issues, i => i.Severity == LintSeverity.Error);
        Assert.Equal(2, issue.Location.Line);
        Assert.Contains(expected, issue.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{path}:2: error: ", issue.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LintAsync_NonCanonicalIdAnswered_WarningOnlyAndCounted()
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = temp.File("ok.jsonl", """
            {"messages":[{"role":"_input","content":"s"},{"role":"user","content":[{"type":"text","text":"q"}]},{"role":"assistant","content":"","reasoning_content":"r","tool_calls":[{"id":"search:0","type":"function","function":{"name":"search","arguments":"{}"}}]},{"role":"tool","tool_call_id":"search:0","content":"res"}],"tools":[TOOL],"stream":true,"tool_choice":"auto"}
            {"messages":[{"role":"user","content":"q"},{"role":"assistant","content":null,"tool_calls":[{"id":"functions.search:0","type":"function","function":{"name":"search","arguments":{}}}]},{"role":"tool","tool_call_id":"functions.search:0","content":"res"}],"tools":[TOOL]}
            """.Replace("TOOL", Tool, StringComparison.Ordinal));

        // Act
        var report = await DatasetLinter.LintAsync(path);

        // Assert
        Assert.Equal(0, report.ErrorCount);
        var warning = Assert.Single(report.Issues);
        Assert.Contains("'search:0' is not in the form functions.search:IDX", warning.Message, StringComparison.Ordinal);
        Assert.Equal((2, 2, 1, 1, 1, 1, 1), (report.Requests, report.ToolCalls, report.CanonicalIds, report.OtherIds, report.Streams, report.ListContentMessages, report.EmptyContentMessages));
        Assert.Equal(1, report.Roles["_input"]);
        Assert.Equal(1, report.ToolChoices["auto"]);
        Assert.Equal(1, report.ReasoningMessages);
    }

    [Theory]
    [InlineData("bfcl", "samples.jsonl")]
    [InlineData("k2vv-public", "samples.jsonl")]
    [InlineData("k2vv-public", "medium.jsonl")]
    public async Task LintAsync_SharedDatasets_NoErrors(string folder, string file)
    {
        // Arrange
        var path = RepositoryPaths.Shared("datasets", folder, file);

        // Act
        var report = await DatasetLinter.LintAsync(path);

        // Assert
        Assert.True(report.ErrorCount == 0, string.Join("\n", report.Issues.Take(10)));
        Assert.True(report.Requests > 0);
    }
}
