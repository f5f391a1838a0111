using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Common;

namespace K2Verifier.Cli.Tests.Commands;

public sealed class ScoreCommandTests
{
    private const string Tools = """[{"type":"function","function":{"name":"search","parameters":{"type":"object","properties":{"q":{"type":"string"}},"required":["q"]}}}]""";

    [Fact]
    public async Task Score_K2vvRows_RevalidatesAndCounts()
    {
        var path = Write(
            Row(1, "stop", "null"),
            Row(2, "tool_calls", """[{"id":"functions.search:0","type":"function","function":{"name":"search","arguments":"{\"q\":\"x\"}"}}]"""),
            Row(3, "tool_calls", """[{"id":"functions.search:0","type":"function","function":{"name":"search","arguments":"{\"q\":1}"}}]"""),
            Row(4, "tool_calls", """[{"id":"functions.nope:0","type":"function","function":{"name":"nope","arguments":"{}"}}]"""),
            Row(5, "tool_calls", "[]"),
            Row(6, "length", "null"),
            """{"data_index": 7, "request": {"messages": []}, "response": {"error": "Request timed out."}, "status": "failed", "finish_reason": null, "tool_calls_valid": null, "last_run_at": "2025-11-15T10:00:00.000000", "duration_ms": 600000, "hash": "h7"}""");
        var summaryPath = Path.Combine(Path.GetDirectoryName(path)!, "summary.json");

        var (exitCode, output, _) = await CliRunner.RunAsync("score", path, "--summary", summaryPath, "--json");

        Assert.Equal((int)ExitCode.Ok, exitCode);
        using var summary = System.Text.Json.JsonDocument.Parse(output);
        var root = summary.RootElement;
        Assert.Equal(6, root.GetProperty("success_count").GetInt32());
        Assert.Equal(1, root.GetProperty("failure_count").GetInt32());
        Assert.Equal(1, root.GetProperty("finish_stop").GetInt32());
        Assert.Equal(4, root.GetProperty("finish_tool_calls").GetInt32());
        Assert.Equal(1, root.GetProperty("successful_tool_call_count").GetInt32());
        Assert.Equal(3, root.GetProperty("schema_validation_error_count").GetInt32());
        Assert.Equal(1, root.GetProperty("finish_others_detail").GetProperty("length").GetInt32());
        var categories = root.GetProperty("error_categories");
        Assert.Equal(1, categories.GetProperty("schema_violation").GetInt32());
        Assert.Equal(1, categories.GetProperty("undeclared_tool").GetInt32());
        Assert.Equal(1, categories.GetProperty("empty_tool_calls").GetInt32());
        Assert.True(File.Exists(summaryPath));
    }

    [Fact]
    public async Task Score_MissingFile_ExitsUsageError()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("score", "/nonexistent/results.jsonl");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("results file not found", error);
    }

    [Fact]
    public async Task Score_UnreadableLine_WarnsAndCountsTheRest()
    {
        var path = Write(Row(1, "stop", "null"), "{\"data_index\": 2, \"requ");

        var (exitCode, output, error) = await CliRunner.RunAsync("score", path);

        Assert.Equal((int)ExitCode.Ok, exitCode);
        Assert.Contains(":2:", error);
        Assert.Contains("unreadable result lines", output);
    }

    private static string Row(int index, string finishReason, string toolCalls) =>
        $$$"""{"data_index": {{{index}}}, "request": {"messages": [{"role": "user", "content": "q"}], "tools": {{{Tools}}}, "model": "kimi"}, "response": {"choices": [{"index": 0, "message": {"role": "assistant", "content": "", "tool_calls": {{{toolCalls}}}}, "finish_reason": "{{{finishReason}}}"}], "usage": {"prompt_tokens": 5, "completion_tokens": 1, "total_tokens": 6}}, "status": "success", "finish_reason": "{{{finishReason}}}", "tool_calls_valid": null, "last_run_at": "2025-11-15T10:00:0{{{index}}}.000000", "duration_ms": {{{index * 100}}}, "hash": "h{{{index}}}"}""";

    private static string Write(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), "k2v-cli-tests", Guid.NewGuid().ToString("N"), "results.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
        return path;
    }
}
