using System.Text.Json;
using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Common;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace K2Verifier.OrtGenAI.Integration.Tests.Serving;

/// <summary>
/// <c>suite all --engine local --enforce</c> on tiny-random-gpt2 (the test's hermes template): params is skipped with
/// the reason, the Enforcer obeys every tool_choice probe and refuses the invalid ones, forced schemas give valid
/// calls, and the engine's prompt_tokens are the suite's own count.
/// </summary>
public sealed class LocalEngineSuiteTests(ITestOutputHelper output)
{
    [NativeFact]
    public async Task Suite_AllOnLocalEngineWithEnforce_ParamsSkippedOthersPass()
    {
        // Arrange: two small schemas, three BFCL requests that fit the 512-token context.
        using var folder = new TemporaryFolder();
        var schemas = Path.Combine(folder.Path, "schemas.jsonl");
        File.WriteAllLines(schemas,
        [
            """{"type":"object","properties":{"city":{"type":"string","maxLength":12}},"required":["city"]}""",
            """{"type":"object","properties":{"unit":{"enum":["celsius","fahrenheit"]},"days":{"type":"integer","minimum":1,"maximum":7}},"required":["unit","days"]}""",
        ]);
        var samples = Path.Combine(folder.Path, "samples.jsonl");
        File.WriteAllLines(samples, File.ReadLines(LocalRun.FirstFortyBfclLines(folder)).Take(3));
        var suites = Path.Combine(folder.Path, "suites");

        // Act
        var (exitCode, stdout, stderr) = await CliRunner.RunAsync(
            "suite", "all", "--engine", "local", "--model-dir", TestModels.Gpt2, "--chat-template", LocalRun.Template, "--tool-format", "hermes", "--enforce",
            "--schemas", schemas, "--reruns", "1", "--dataset", samples, "--sample", "3", "--concurrency", "1", "--out", suites);

        // Assert
        output.WriteLine(stdout);
        Assert.True(exitCode == (int)ExitCode.Ok, stdout + stderr);
        Assert.Contains("params: skipped with --engine local: the local engine runs the model in process with no API layer", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(suites, "suite-params.json")));
        using var toolChoice = Summary(suites, "tool-choice");
        Assert.Equal((14, 14), (toolChoice.RootElement.GetProperty("total").GetInt32(), toolChoice.RootElement.GetProperty("passed").GetInt32()));
        using var schema = Summary(suites, "schema");
        Assert.Equal(4, schema.RootElement.GetProperty("by_status").GetProperty("valid").GetInt32());
        using var tokens = Summary(suites, "tokens");
        Assert.Equal((3, 3), (tokens.RootElement.GetProperty("total").GetInt32(), tokens.RootElement.GetProperty("passed").GetInt32()));
    }

    private static JsonDocument Summary(string folder, string suite) => JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, $"suite-{suite}.json")));
}
