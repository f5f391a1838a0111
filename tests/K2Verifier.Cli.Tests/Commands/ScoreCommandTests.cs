using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Tests.Support;
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

    [Fact]
    public async Task Score_BaselineAndGates_MetricsIntervalsAndExitCodes()
    {
        var path = Write(Row(1, "stop", "null"), Row(2, "tool_calls", ValidCall), Row(3, "tool_calls", ValidCall), Row(4, "stop", "null"));
        var baseline = WriteExpectations(("tool_calls", "a"), ("tool_calls", "a"), ("stop", "b"), ("stop", "b"));

        var passing = await CliRunner.RunAsync("score", path, "--baseline", baseline, "--gate", "tool_call_f1>=0.4", "--gate", "schema_accuracy>=0.99", "--gate", "failure_count==0");
        var failing = await CliRunner.RunAsync("score", path, "--baseline", baseline, "--gate", "tool_call_f1>=0.8", "--json");

        Assert.Equal((int)ExitCode.Ok, passing.ExitCode);
        Assert.Contains("all 3 gates passed", passing.Out);
        Assert.Matches(@"tp / fp / fn / tn +1 / 1 / 1 / 1", passing.Out);
        Assert.Equal((int)ExitCode.GateFailed, failing.ExitCode);
        using var summary = System.Text.Json.JsonDocument.Parse(failing.Out);
        Assert.Equal(0.5, summary.RootElement.GetProperty("tool_call_f1").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Object, summary.RootElement.GetProperty("intervals").GetProperty("tool_call_f1").ValueKind);
        Assert.Equal(2, summary.RootElement.GetProperty("categories").EnumerateObject().Count());
        Assert.Contains("FAIL  tool_call_f1>=0.8", failing.Error);
    }

    [Fact]
    public async Task Score_UnknownGateMetric_UsageErrorWithSuggestionNotTheWholeList()
    {
        var path = Write(Row(1, "stop", "null"));

        var (exitCode, _, error) = await CliRunner.RunAsync("score", path, "--gate", "tool_call_f2>=0.8");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("did you mean 'tool_call_f1'", error);
        Assert.DoesNotContain("success_count", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_Junit_WritesGateAndRequestCases()
    {
        var path = Write(Row(1, "tool_calls", """[{"id":"functions.nope:0","type":"function","function":{"name":"nope","arguments":"{}"}}]"""));
        var junit = Path.Combine(Path.GetDirectoryName(path)!, "junit.xml");

        var (exitCode, _, _) = await CliRunner.RunAsync("score", path, "--gate", "schema_accuracy>=1", "--junit", junit);

        Assert.Equal((int)ExitCode.GateFailed, exitCode);
        var xml = System.Xml.Linq.XDocument.Load(junit);
        Assert.Equal("2", (string?)xml.Root!.Attribute("failures"));
        Assert.Contains("undeclared_tool", xml.ToString());
    }

    [Fact]
    public async Task Compare_TwoRuns_ChangesDeltasAndGate()
    {
        var a = Write(Row(1, "tool_calls", ValidCall), Row(2, "stop", "null"), Row(3, "stop", "null"));
        var b = Write(Row(1, "stop", "null"), Row(2, "stop", "null"), Row(3, "tool_calls", ValidCall));

        var (exitCode, output, _) = await CliRunner.RunAsync("compare", a, b, "--gate", "trigger_changes<=1");
        var (jsonExit, json, _) = await CliRunner.RunAsync("compare", a, b, "--json");

        Assert.Equal((int)ExitCode.GateFailed, exitCode);
        Assert.Contains("changed requests: 2", output);
        Assert.Contains("FAIL  trigger_changes<=1", output);
        Assert.Equal((int)ExitCode.Ok, jsonExit);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(2, document.RootElement.GetProperty("changes").GetArrayLength());
        Assert.Equal(0.0, document.RootElement.GetProperty("similarity_f1").GetDouble());
    }

    private const string ValidCall = """[{"id":"functions.search:0","type":"function","function":{"name":"search","arguments":"{\"q\":\"x\"}"}}]""";

    private static string WriteExpectations(params (string Finish, string Category)[] rows) =>
        Write([.. rows.Select((r, i) => $$$"""{"data_index": {{{i + 1}}}, "category": "{{{r.Category}}}", "expected_finish_reason": "{{{r.Finish}}}"}""")]);

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
