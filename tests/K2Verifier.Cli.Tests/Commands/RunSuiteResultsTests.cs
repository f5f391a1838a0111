using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Common;
using K2Verifier.Core.Tests.TestSupport;
using K2Verifier.Tests.Support;

namespace K2Verifier.Cli.Tests.Commands;

/// <summary><c>run --suite-results DIR</c>: one summary.json and one report for the replay and the probe suites.</summary>
public sealed class RunSuiteResultsTests
{
    private static string K2v4000 => Path.Combine(Repository.Root, "datasets", "k2v-4000");

    [Fact]
    public async Task Run_SuiteResults_EmbeddedInSummaryGatedAndReported()
    {
        // Arrange: params and tool-choice against the vllm-0.11.0 simulator (tool-choice fails required and named).
        var folder = Directory.CreateTempSubdirectory("k2v-run-suites-").FullName;
        var samples = Path.Combine(folder, "samples.jsonl");
        File.WriteAllLines(samples, File.ReadLines(Path.Combine(K2v4000, "samples.jsonl")).Take(10));
        var suites = Path.Combine(folder, "suites");
        var (suiteExit, suiteOut, suiteError) = await CliRunner.RunAsync("suite", "params", "tool-choice", "--engine", "sim", "--profile", "vllm-0.11.0", "--out", suites);
        Assert.True(suiteExit == (int)ExitCode.GateFailed, suiteOut + suiteError);
        var summaryPath = Path.Combine(folder, "summary.json");

        // Act
        var (exitCode, stdout, error) = await CliRunner.RunAsync("run", samples, "--engine", "sim", "--profile", "vllm-0.11.0",
            "--expected", Path.Combine(K2v4000, "expected.jsonl"), "--output", Path.Combine(folder, "results.jsonl"), "--summary", summaryPath,
            "--suite-results", suites, "--report-dir", Path.Combine(folder, "report"),
            "--gate", "suites.params.required_failed==0", "--gate", "suites.tool-choice.required_failed==0");

        // Assert: the tool-choice gate fails the run; summary.json carries both suites; the report has their section.
        Assert.True(exitCode == (int)ExitCode.GateFailed, stdout + error);
        Assert.Contains("suite tool-choice", stdout, StringComparison.Ordinal);
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(summaryPath))!;
        Assert.Equal(["pass", "fail"], summary["gates"]!.AsArray().Select(g => g!["verdict"]!.GetValue<string>()));
        Golden.AssertMatches(summary["suites"]!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", "run-summary-suites.json");
        var markdown = await File.ReadAllTextAsync(Path.Combine(folder, "report", "summary.md"));
        Assert.Contains("| tool-choice | sim://vllm-0.11.0 | 10/14 | 4 |", markdown, StringComparison.Ordinal);
        Assert.Contains("**tool-choice** `required`", markdown, StringComparison.Ordinal);
        Assert.Contains("`suites.tool-choice.required_failed==0` | ❌ FAIL |", markdown, StringComparison.Ordinal);

        // And report, given the results and that summary, draws the same section.
        var (reportExit, reportOut, reportError) = await CliRunner.RunAsync("report", Path.Combine(folder, "results.jsonl"), summaryPath, "--out", Path.Combine(folder, "again"));
        Assert.True(reportExit == (int)ExitCode.Ok, reportOut + reportError);
        var again = await File.ReadAllTextAsync(Path.Combine(folder, "again", "summary.md"));
        Assert.Equal(markdown[markdown.IndexOf("## Probe suites", StringComparison.Ordinal)..], again[again.IndexOf("## Probe suites", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Run_SuiteResultsFolderWithoutSuites_UsageErrorNamingIt()
    {
        var folder = Directory.CreateTempSubdirectory("k2v-run-suites-").FullName;

        var (exitCode, _, error) = await CliRunner.RunAsync("run", Path.Combine(K2v4000, "samples.jsonl"), "--engine", "sim", "--suite-results", folder,
            "--output", Path.Combine(folder, "results.jsonl"), "--summary", Path.Combine(folder, "summary.json"));

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains($"--suite-results: {folder}: no suite-NAME.json in it", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "results.jsonl")));
    }

    [Fact]
    public async Task Report_SummaryWithoutSuites_UsageErrorNamingIt()
    {
        var folder = Directory.CreateTempSubdirectory("k2v-report-suites-").FullName;
        var summary = Path.Combine(folder, "summary.json");
        await File.WriteAllTextAsync(summary, """{"model":"m"}""");

        var (exitCode, _, error) = await CliRunner.RunAsync("report", summary, "--out", Path.Combine(folder, "report"));

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains($"{summary}: a summary without suites", error, StringComparison.Ordinal);
    }
}
