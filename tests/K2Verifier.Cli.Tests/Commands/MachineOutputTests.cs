using System.Text.Json;
using System.Xml.Linq;
using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Common;
using K2Verifier.Core.Tests.TestSupport;

namespace K2Verifier.Cli.Tests.Commands;

/// <summary>What a CI job reads: summary.json's verdicts, one JSON document per --json, and JUnit.</summary>
public sealed class MachineOutputTests
{
    private const string Tools = """[{"type":"function","function":{"name":"search","parameters":{"type":"object","properties":{"q":{"type":"string"}},"required":["q"]}}}]""";

    [Fact]
    public async Task Score_JsonWithGates_OneDocumentWithGatesAndVerdictAlsoInSummaryFile()
    {
        var path = Write(Row(1, "tool_calls", """{\"q\":\"x\"}"""), Row(2, "stop", null));
        var summaryPath = Path.Combine(Path.GetDirectoryName(path)!, "summary.json");

        var (exitCode, output, _) = await CliRunner.RunAsync("score", path, "--json", "--summary", summaryPath, "--gate", "failure_count==0", "--gate", "schema_accuracy>=1.1");

        Assert.Equal((int)ExitCode.GateFailed, exitCode);
        using var document = JsonDocument.Parse(output);
        Assert.Equal("fail", document.RootElement.GetProperty("verdict").GetString());
        var gates = document.RootElement.GetProperty("gates");
        Assert.Equal(["pass", "fail"], gates.EnumerateArray().Select(g => g.GetProperty("verdict").GetString()));
        Assert.Equal(1.0, gates[1].GetProperty("actual").GetDouble());
        using var file = JsonDocument.Parse(File.ReadAllText(summaryPath));
        Assert.Equal("fail", file.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Run_Json_OneDocumentOnStdoutRecordingCompleteAndDatasetSize()
    {
        var folder = Directory.CreateTempSubdirectory("k2v-cli-json-").FullName;
        var source = Path.Combine(Repository.Root, "datasets", "k2v-4000");
        var samples = Path.Combine(folder, "samples.jsonl");
        File.WriteAllLines(samples, File.ReadLines(Path.Combine(source, "samples.jsonl")).Take(12));
        File.Copy(Path.Combine(source, "expected.jsonl"), Path.Combine(folder, "expected.jsonl"));

        var (exitCode, output, error) = await CliRunner.RunAsync("run", samples, "--engine", "sim", "--json", "--gate", "failure_count==0",
            "--output", Path.Combine(folder, "r.jsonl"), "--summary", Path.Combine(folder, "s.json"));

        Assert.True(exitCode == (int)ExitCode.Ok, error);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal("pass", root.GetProperty("verdict").GetString());
        Assert.Equal("failure_count==0", root.GetProperty("gates")[0].GetProperty("gate").GetString());
        Assert.True(root.GetProperty("run").GetProperty("complete").GetBoolean());
        Assert.Equal(12, root.GetProperty("run").GetProperty("dataset_requests").GetInt32());
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "s.json")));
        Assert.Equal("pass", file.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Compare_JsonAndJunit_GatesInTheDocumentAndOneTestcasePerChangedRequest()
    {
        // Arrange: request 1 flips tool_calls -> stop; request 2 stays tool_calls but B's call misses the required "q".
        var a = Write(Row(1, "tool_calls", """{\"q\":\"x\"}"""), Row(2, "tool_calls", """{\"q\":\"y\"}"""), Row(3, "stop", null));
        var b = Write(Row(1, "stop", null), Row(2, "tool_calls", "{}"), Row(3, "stop", null));
        var junit = Path.Combine(Path.GetDirectoryName(b)!, "compare.xml");

        // Act
        var (exitCode, output, _) = await CliRunner.RunAsync("compare", a, b, "--json", "--gate", "trigger_changes==0", "--junit", junit);

        // Assert
        Assert.Equal((int)ExitCode.GateFailed, exitCode);
        using var document = JsonDocument.Parse(output);
        Assert.Equal("fail", document.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("fail", document.RootElement.GetProperty("gates")[0].GetProperty("verdict").GetString());
        var changes = XDocument.Load(junit).Descendants("testsuite").Single(s => (string?)s.Attribute("name") == "changes").Elements("testcase").ToList();
        Assert.Equal(["data_index 1", "data_index 2"], changes.Select(c => (string?)c.Attribute("name")));
        Assert.Equal("trigger: tool_calls -> stop", (string?)changes[0].Element("failure")!.Attribute("message"));
        var invalid = (string?)changes[1].Element("failure")!.Attribute("message");
        Assert.Contains("validity: valid -> invalid", invalid, StringComparison.Ordinal);
        Assert.Contains("[required]: 'q' is a required property", invalid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Junit_OneTestcasePerGate()
    {
        var path = Write(Row(1, "stop", null));
        var folder = Path.Combine(Path.GetDirectoryName(path)!, "report");
        var junit = Path.Combine(folder, "junit.xml");

        var (exitCode, _, error) = await CliRunner.RunAsync("report", path, "--out", folder, "--gate", "failure_count==0", "--junit", junit);

        Assert.True(exitCode == (int)ExitCode.Ok, error);
        var testcase = XDocument.Load(junit).Descendants("testcase").Single();
        Assert.Equal("failure_count==0", (string?)testcase.Attribute("name"));
    }

    private static string Row(int index, string finishReason, string? arguments)
    {
        var toolCalls = arguments is null ? "null" : $$$"""[{"id":"functions.search:0","type":"function","function":{"name":"search","arguments":"{{{arguments}}}"}}]""";
        return $$$"""{"data_index": {{{index}}}, "request": {"messages": [{"role": "user", "content": "q{{{index}}}"}], "tools": {{{Tools}}}, "model": "kimi"}, "response": {"choices": [{"index": 0, "message": {"role": "assistant", "content": "", "tool_calls": {{{toolCalls}}}}, "finish_reason": "{{{finishReason}}}"}]}, "status": "success", "finish_reason": "{{{finishReason}}}", "tool_calls_valid": null, "last_run_at": "2025-11-15T10:00:0{{{index}}}.000000", "duration_ms": 100, "hash": "h{{{index}}}"}""";
    }

    private static string Write(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), "k2v-cli-tests", Guid.NewGuid().ToString("N"), "results.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
        return path;
    }
}
