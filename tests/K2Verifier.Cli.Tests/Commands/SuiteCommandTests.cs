using System.Text.Json;
using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Common;
using K2Verifier.Core.Tests.TestSupport;

namespace K2Verifier.Cli.Tests.Commands;

public sealed class SuiteCommandTests
{
    private static string Samples(int lines)
    {
        var folder = Directory.CreateTempSubdirectory("k2v-cli-suite-").FullName;
        var path = Path.Combine(folder, "samples.jsonl");
        File.WriteAllLines(path, File.ReadLines(Path.Combine(Repository.Root, "datasets", "k2v-4000", "samples.jsonl")).Take(lines));
        return path;
    }

    [Fact]
    public async Task Suite_SimReference_PassesEveryProbeAndExitsOk()
    {
        var samples = Samples(20);
        var schemas = Path.Combine(Path.GetDirectoryName(samples)!, "schemas.jsonl");
        File.WriteAllLines(schemas, ["""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""]);
        var output = Path.Combine(Path.GetDirectoryName(samples)!, "out");

        var (exitCode, stdout, error) = await CliRunner.RunAsync(
            "suite", "all", "--engine", "sim", "--dataset", samples, "--sample", "5", "--schemas", schemas, "--reruns", "1", "--out", output);

        Assert.True(exitCode == (int)ExitCode.Ok, stdout + error);
        foreach (var suite in new[] { "params", "schema", "tokens", "tool-choice" })
        {
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, $"suite-{suite}.json")));
            Assert.Equal(0, summary.RootElement.GetProperty("required_failed").GetInt32());
            Assert.True(File.Exists(Path.Combine(output, $"suite-{suite}.junit.xml")));
        }
    }

    [Fact]
    public async Task Suite_SimVllm_TokensNameBug1AndExitGateFailed()
    {
        var samples = Samples(20);
        var output = Path.Combine(Path.GetDirectoryName(samples)!, "out");

        var (exitCode, stdout, error) = await CliRunner.RunAsync(
            "suite", "tokens", "--engine", "sim", "--profile", "vllm-0.11.0", "--dataset", samples, "--sample", "5", "--out", output);

        Assert.True(exitCode == (int)ExitCode.GateFailed, stdout + error);
        Assert.Contains("the generation-prompt opener (3 tokens) is missing", stdout, StringComparison.Ordinal);
        Assert.All(File.ReadLines(Path.Combine(output, "suite-tokens.jsonl")), line => Assert.Contains("\"reason\":\"bug1", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suite_ParamsOnLocalEngine_ExitsUsageErrorSayingWhy()
    {
        var output = Path.Combine(Path.GetDirectoryName(Samples(1))!, "out");

        var (exitCode, _, error) = await CliRunner.RunAsync("suite", "params", "--engine", "local", "--model-dir", Repository.Shared("models", "tiny-random-gpt2-fp32"), "--out", output);

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("suite params does not apply to --engine local: the local engine runs the model in process with no API layer that validates request parameters", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void ForLocalEngine_ToolChoiceWithoutEnforce_WarnsAndParamsDropped()
    {
        using var log = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var problems = new List<string>();

        var names = K2Verifier.Cli.Commands.SuiteCommand.ForLocalEngine(["params", "tool-choice"], enforce: false, log, problems);

        Assert.Equal(["tool-choice"], names);
        Assert.Empty(problems);
        Assert.Contains("params: skipped with --engine local", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("tool-choice: without --enforce the local engine does not apply tool_choice", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suite_UnknownName_ExitsUsageErrorWithSuggestion()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("suite", "param", "--engine", "sim");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("Did you mean \"params\"?", error, StringComparison.Ordinal);
    }
}
