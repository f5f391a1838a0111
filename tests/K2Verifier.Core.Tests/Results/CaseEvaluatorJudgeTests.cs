using System.Text.Json;
using K2Verifier.Backends;
using K2Verifier.Core.Tests.TestSupport;
using K2Verifier.Dataset;
using K2Verifier.Preparation;
using K2Verifier.Results;
using K2Verifier.Validation;

namespace K2Verifier.Core.Tests.Results;

/// <summary>The outcome a run keeps for each row it wrote is the one re-judging the written row gives.</summary>
public sealed class CaseEvaluatorJudgeTests
{
    private const string Tools = """[{"type":"function","function":{"name":"search","parameters":{"type":"object","properties":{"q":{"type":"string"}},"required":["q"]}}}]""";
    private const string Usage = ""","usage":{"prompt_tokens":7,"completion_tokens":2,"total_tokens":9}""";

    public static TheoryData<string, bool, string> Replies => new()
    {
        { "valid tool call", false, ToolCallBody("search", """{\"q\":\"x\"}""") },
        { "arguments against the schema", false, ToolCallBody("search", """{\"q\":1}""") },
        { "arguments not JSON", false, ToolCallBody("search", "{q") },
        { "unknown tool", false, ToolCallBody("fetch", """{\"q\":\"x\"}""") },
        { "tool_calls without calls", false, """{"choices":[{"message":{"content":""},"finish_reason":"tool_calls"}]}""" },
        { "stop with usage", false, """{"model":"m","choices":[{"message":{"content":"hi"},"finish_reason":"stop"}]""" + Usage + "}" },
        { "failed", false, "FAILED" },
        {
            "stream with a tool call and usage", true,
            "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"functions.search:0\",\"type\":\"function\",\"function\":{\"name\":\"search\",\"arguments\":\"{\\\"q\\\"\"}}]}}]}\n\n"
            + "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\":\\\"x\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]" + Usage + "}\n\n"
            + "data: [DONE]\n\n"
        },
        { "stream without [DONE]", true, "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"finish_reason\":\"stop\"}]}\n\n" },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task Judge_OutcomeEqualsRescoreOfTheWrittenRow(string reply, bool stream, string body)
    {
        // Arrange
        var evaluator = new CaseEvaluator(JsonSchemaValidator.Default);
        var line = $$"""{"messages":[{"role":"user","content":"{{reply}}"}],"tools":{{Tools}},"stream":{{(stream ? "true" : "false")}}}""";
        var request = new RequestPreparer(new PreparationOptions { Model = "m", ExtraBody = new() { ["temperature"] = 0.6 } })
            .Prepare(DatasetReader.Parse(new SourceLocation("d", 3), line));
        var response = body == "FAILED"
            ? FakeBackend.Failed()
            : new BackendResponse { StatusCode = 200, Body = body, IsStream = stream, DurationMs = 12, TimeToFirstTokenMs = stream ? 3 : null };
        var judged = evaluator.Judge(request, response, "2026-12-07T11:00:00.000001");
        var row = judged.Row;
        var path = TempFile.Write(string.Empty);
        await using (var journal = ResultsJournal.Open(path, truncate: true))
        {
            await journal.AppendAsync(row);
        }

        using var written = JsonDocument.Parse(File.ReadAllBytes(path));

        // Act
        var kept = judged.Outcome;
        var rescored = evaluator.Rescore(written.RootElement);

        // Assert
        Assert.Equal(JsonSerializer.Serialize(rescored), JsonSerializer.Serialize(kept));
    }

    private static string ToolCallBody(string name, string arguments) =>
        $$$"""{"choices":[{"message":{"content":"","tool_calls":[{"id":"functions.{{{name}}}:0","type":"function","function":{"name":"{{{name}}}","arguments":"{{{arguments}}}"}}]},"finish_reason":"tool_calls"}]}""";
}
