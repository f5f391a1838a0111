using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Common;
using K2Verifier.Core.Tests.TestSupport;

namespace K2Verifier.Cli.Tests.Commands;

public sealed class SimulatorCommandTests
{
    private static string K2v4000 => Path.Combine(Repository.Root, "datasets", "k2v-4000");

    private static string Subset(int lines)
    {
        var folder = Directory.CreateTempSubdirectory("k2v-cli-sim-").FullName;
        File.WriteAllLines(Path.Combine(folder, "samples.jsonl"), File.ReadLines(Path.Combine(K2v4000, "samples.jsonl")).Take(lines));
        File.Copy(Path.Combine(K2v4000, "expected.jsonl"), Path.Combine(folder, "expected.jsonl"));
        return folder;
    }

    [Fact]
    public async Task Run_EngineSimWithoutBaseUrl_WritesJournalAndSummary()
    {
        var folder = Subset(40);

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "run", Path.Combine(folder, "samples.jsonl"), "--engine", "sim", "--profile", "vllm-0.11.0", "--seed", "3",
            "--output", Path.Combine(folder, "r.jsonl"), "--summary", Path.Combine(folder, "s.json"), "--baseline", Path.Combine(folder, "expected.jsonl"));

        Assert.True(exitCode == (int)ExitCode.Ok, error);
        Assert.Equal(40, File.ReadLines(Path.Combine(folder, "r.jsonl")).Count());
        Assert.Contains("tool_call_f1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EngineHttpWithoutBaseUrl_ExitsUsageError()
    {
        var folder = Subset(1);

        var (exitCode, _, error) = await CliRunner.RunAsync("run", Path.Combine(folder, "samples.jsonl"), "--model", "m");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("--base-url is required with --engine http", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownProfile_ExitsUsageErrorWithSuggestion()
    {
        var folder = Subset(1);

        var (exitCode, _, error) = await CliRunner.RunAsync("run", Path.Combine(folder, "samples.jsonl"), "--engine", "sim", "--profile", "refrence");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("Did you mean \"reference\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EngineSimWithoutLabels_SaysSo()
    {
        var folder = Subset(3);
        File.Delete(Path.Combine(folder, "expected.jsonl"));

        var (exitCode, output, error) = await CliRunner.RunAsync("run", Path.Combine(folder, "samples.jsonl"), "--engine", "sim",
            "--output", Path.Combine(folder, "r.jsonl"), "--summary", Path.Combine(folder, "s.json"));

        Assert.True(exitCode == (int)ExitCode.Ok, error);
        Assert.Contains("warning: no labels at", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_DatasetWithoutLabels_WarnsBeforeServing()
    {
        // Arrange: the token is cancelled already, so the command stops before it serves; the warnings come first.
        var folder = Subset(3);
        File.Delete(Path.Combine(folder, "expected.jsonl"));
        using var error = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        // Act
        try
        {
            await CliApp.RunAsync(["simulate", "--port", "0", "--dataset", Path.Combine(folder, "samples.jsonl")], new CliConsole(TextWriter.Null, error), cancelled.Token);
        }
        catch (OperationCanceledException)
        {
        }

        // Assert
        Assert.Contains("warning: no labels at", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_Limit_ComparesBothProfilesAndWritesFiles()
    {
        var folder = Subset(200);
        var output = Path.Combine(folder, "latest");

        var (exitCode, stdout, error) = await CliRunner.RunAsync("demo", "--dataset", folder, "--out", output, "--limit", "150");

        Assert.True(exitCode == (int)ExitCode.Ok, error);
        foreach (var file in new[] { "reference.results.jsonl", "reference.summary.json", "vllm-0.11.0.results.jsonl", "vllm-0.11.0.summary.json", "summary.md" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        }

        Assert.Equal(150, File.ReadLines(Path.Combine(output, "vllm-0.11.0.results.jsonl")).Count());
        Assert.Contains("| finish_stop |", stdout, StringComparison.Ordinal);
        Assert.Contains("compare reference → vllm-0.11.0", stdout, StringComparison.Ordinal);
        Assert.Contains("tool_calls -> stop", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kimi-k2-sim.jinja", 0, "clean")]
    [InlineData("kimi-k2-sim-strings.jinja", 1, "content-parts:")]
    public async Task TemplateLint_Template_ExitCodeAndFindings(string name, int expectedExit, string expectedText)
    {
        var path = Path.Combine(Repository.Root, "localengine", "K2Verifier.LocalEngine", "Simulation", "Templates", name);

        var (exitCode, output, _) = await CliRunner.RunAsync("template", "lint", path);

        Assert.Equal(expectedExit, exitCode);
        Assert.Contains(expectedText, output, StringComparison.Ordinal);
    }
}
