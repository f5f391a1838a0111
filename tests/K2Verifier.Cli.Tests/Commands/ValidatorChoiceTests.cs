using System.Text.Json;
using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Common;

namespace K2Verifier.Cli.Tests.Commands;

/// <summary>Issue 18: <c>--validator python|spec</c> and <c>score --cross-check</c> from the command line.</summary>
public sealed class ValidatorChoiceTests : IDisposable
{
    // Python's named group: python-jsonschema builds it, .NET's regex cannot, so the verdict depends on the validator.
    private const string Tools = """[{"type":"function","function":{"name":"lookup","parameters":{"type":"object","properties":{"id":{"type":"string","pattern":"^(?P<id>[a-z]+)$"}},"required":["id"]}}}]""";
    private const string Call = """[{"id":"functions.lookup:0","type":"function","function":{"name":"lookup","arguments":"{\"id\":\"abc\"}"}}]""";

    private readonly string _directory = Directory.CreateTempSubdirectory("k2v-validator-choice-").FullName;

    [Fact]
    public async Task Score_ValidatorChoice_DecidesTheVerdictOfADialectSensitiveCall()
    {
        var path = Journal();

        var python = await CliRunner.RunAsync("score", path, "--json");
        var spec = await CliRunner.RunAsync("score", path, "--validator", "spec", "--json");

        Assert.Equal((int)ExitCode.Ok, python.ExitCode);
        Assert.Equal((int)ExitCode.Ok, spec.ExitCode);
        Assert.Equal(1, Summary(python.Out).GetProperty("successful_tool_call_count").GetInt32());
        Assert.Equal(0, Summary(spec.Out).GetProperty("successful_tool_call_count").GetInt32());
    }

    [Fact]
    public async Task Score_CrossCheck_ListsTheSensitiveCallAndCountsItInTheJson()
    {
        var path = Journal();

        var text = await CliRunner.RunAsync("score", path, "--cross-check");
        var json = await CliRunner.RunAsync("score", path, "--cross-check", "--json");

        Assert.Equal((int)ExitCode.Ok, text.ExitCode);
        Assert.Contains("validator-sensitive calls (python vs spec): 1", text.Out, StringComparison.Ordinal);
        Assert.Contains("data_index 1 call 0 lookup: python valid, spec invalid_schema (regex_dialect)", text.Out, StringComparison.Ordinal);
        Assert.Equal(1, Summary(json.Out).GetProperty("validator_sensitive_calls").GetInt32());
        Assert.Contains("validator-sensitive calls (python vs spec): 1", json.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_WithoutCrossCheck_LeavesTheCountNull()
    {
        var (_, output, _) = await CliRunner.RunAsync("score", Journal(), "--json");

        var summary = Summary(output);
        Assert.True(!summary.TryGetProperty("validator_sensitive_calls", out var count) || count.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Score_UnknownValidator_UsageError()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("score", Journal(), "--validator", "draft4");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("'draft4' not recognized", error, StringComparison.Ordinal);
        Assert.Contains("'spec'", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static JsonElement Summary(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.Clone();
        return root.TryGetProperty("summary", out var summary) ? summary : root;
    }

    private string Journal()
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllText(path, $$$"""{"data_index": 1, "request": {"messages": [{"role": "user", "content": "q"}], "tools": {{{Tools}}}, "model": "kimi"}, "response": {"choices": [{"index": 0, "message": {"role": "assistant", "content": "", "tool_calls": {{{Call}}}}, "finish_reason": "tool_calls"}]}, "status": "success", "finish_reason": "tool_calls", "tool_calls_valid": null, "last_run_at": "2025-11-15T10:00:01.000000", "duration_ms": 100, "hash": "h1"}""" + "\n");
        return path;
    }
}
