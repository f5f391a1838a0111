using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Common;

namespace K2Verifier.Cli.Tests.Commands;

/// <summary>Gates that cannot be evaluated and comparisons that compare nothing exit 2, not 1 or 0.</summary>
public sealed class GateVerdictTests
{
    [Fact]
    public async Task Score_F1GateWithoutBaseline_ExitsUsageErrorNamingTheBaseline()
    {
        var path = Write(Row(1, "q1", "tool_calls"), Row(2, "q2", "stop"));

        var (exitCode, output, error) = await CliRunner.RunAsync("score", path, "--gate", "tool_call_f1>=0.8", "--gate", "failure_count==0");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("gate 'tool_call_f1>=0.8' cannot be evaluated: tool_call_f1 needs a baseline", error, StringComparison.Ordinal);
        Assert.Contains("PASS  failure_count==0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_DeltaGateWithoutBaseline_ExitsUsageError()
    {
        var a = Write(Row(1, "q1", "tool_calls"), Row(2, "q2", "stop"));
        var b = Write(Row(1, "q1", "stop"), Row(2, "q2", "stop"));

        var (exitCode, _, error) = await CliRunner.RunAsync("compare", a, b, "--gate", "delta.tool_call_f1>=-0.02");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("delta.tool_call_f1 needs a baseline", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_RunsOfDifferentDatasets_RefusedUnlessAllowDisjoint()
    {
        // Arrange: the same data_index values, different requests (as a k2v-4000 journal against a BFCL one).
        var a = Write(Row(1, "q1", "tool_calls"), Row(2, "q2", "stop"));
        var b = Write(Row(1, "other 1", "stop"), Row(2, "other 2", "stop"));

        // Act
        var refused = await CliRunner.RunAsync("compare", a, b);
        var allowed = await CliRunner.RunAsync("compare", a, b, "--allow-disjoint");

        // Assert
        Assert.Equal((int)ExitCode.UsageError, refused.ExitCode);
        Assert.Contains("share no request", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-disjoint", refused.Error, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.Ok, allowed.ExitCode);
        Assert.Contains("common requests: 2", allowed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_OneRequestChangedAtItsIndex_LeftOutWithAWarning()
    {
        var a = Write(Row(1, "q1", "tool_calls"), Row(2, "q2", "stop"));
        var b = Write(Row(1, "q1", "stop"), Row(2, "changed", "stop"));

        var (exitCode, output, error) = await CliRunner.RunAsync("compare", a, b);

        Assert.Equal((int)ExitCode.Ok, exitCode);
        Assert.Contains("common requests: 1", output, StringComparison.Ordinal);
        Assert.Contains("1 data_index value(s) hold different requests", error, StringComparison.Ordinal);
    }

    private const string Tools = """[{"type":"function","function":{"name":"search","parameters":{"type":"object"}}}]""";

    private static string Row(int index, string question, string finishReason)
    {
        var toolCalls = finishReason == "tool_calls"
            ? """[{"id":"functions.search:0","type":"function","function":{"name":"search","arguments":"{\"q\":\"x\"}"}}]"""
            : "null";
        return $$$"""{"data_index": {{{index}}}, "request": {"messages": [{"role": "user", "content": "{{{question}}}"}], "tools": {{{Tools}}}, "model": "kimi"}, "response": {"choices": [{"index": 0, "message": {"role": "assistant", "content": "", "tool_calls": {{{toolCalls}}}}, "finish_reason": "{{{finishReason}}}"}]}, "status": "success", "finish_reason": "{{{finishReason}}}", "tool_calls_valid": null, "last_run_at": "2025-11-15T10:00:0{{{index}}}.000000", "duration_ms": 100, "hash": "h{{{index}}}"}""";
    }

    private static string Write(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), "k2v-cli-tests", Guid.NewGuid().ToString("N"), "results.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, lines);
        return path;
    }
}
