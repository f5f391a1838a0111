using System.Globalization;
using K2Verifier.Cli;
using K2Verifier.Common;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Runs;

namespace K2Verifier.Integration.Tests.Reports;

/// <summary><c>run --report-dir</c> against the fake vendor: the report is written at the end from the run's journal.</summary>
public sealed class RunReportDirTests
{
    [Fact]
    public async Task Run_WithReportDir_WritesTheReportFromTheJournal()
    {
        // Arrange
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("stop", FakeReplies.Stop()).Script("valid", FakeReplies.ValidToolCall()).Script("undeclared", FakeReplies.UndeclaredTool());
        var folder = RunFixture.Folder();
        var dataset = RunFixture.Dataset(folder, ["stop", "valid", "undeclared"]);
        var reportDir = Path.Combine(folder, "report");

        // Act
        var (exit, output) = await RunAsync(server, dataset, folder, reportDir);

        // Assert
        Assert.Equal((int)ExitCode.Ok, exit);
        Assert.Contains("wrote " + Path.Combine(reportDir, "index.html"), output, StringComparison.Ordinal);
        var requests = File.ReadAllLines(Path.Combine(reportDir, "requests.csv"));
        Assert.Equal(4, requests.Length);
        Assert.Contains(requests, l => l.Contains(",3,,success,tool_calls,,,invalid,undeclared_tool,", StringComparison.Ordinal));
        var summary = File.ReadAllLines(Path.Combine(reportDir, "summary.csv"));
        Assert.Contains(server.BaseUrl.GetLeftPart(UriPartial.Path), summary[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RepeatWithGatesAndReportDir_ReportShowsTheVerdictsOnTheMeansThatDecideTheExitCode()
    {
        // One request answers validly in run 1 and with an undeclared tool in run 2: 0 and 1 schema errors, mean 0.5.
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("valid", FakeReplies.ValidToolCall()).Script("flip", FakeReplies.Sequence(FakeReplies.ValidToolCall(), FakeReplies.UndeclaredTool()));
        var folder = RunFixture.Folder();
        var dataset = RunFixture.Dataset(folder, ["valid", "flip"]);
        var reportDir = Path.Combine(folder, "report");

        var (exit, _) = await RunAsync(server, dataset, folder, reportDir, "--repeat", "2", "--concurrency", "1", "--gate", "schema_validation_error_count <= 0.5");

        Assert.Equal((int)ExitCode.Ok, exit);
        var markdown = File.ReadAllText(Path.Combine(reportDir, "summary.md"));
        Assert.Contains("All gates passed (on the mean of 2 runs, which decide the exit code).", markdown, StringComparison.Ordinal);
        var rows = markdown.Split('\n').Where(l => l.Contains("schema_validation_error_count", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, rows.Length);
        Assert.Contains("mean of 2 runs", rows[0], StringComparison.Ordinal);
        Assert.Contains("pass", rows[0], StringComparison.Ordinal);
        Assert.Contains("FAIL", rows[2], StringComparison.Ordinal);
        Assert.Contains("decide the exit code", File.ReadAllText(Path.Combine(reportDir, "index.html")), StringComparison.Ordinal);
    }

    /// <summary><c>run DATASET --report-dir DIR</c> against the fake, in process; the exit code and standard output.</summary>
    private static async Task<(int Exit, string Output)> RunAsync(FakeVendorServer server, string dataset, string folder, string reportDir, params string[] extra)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var exit = await CliApp.RunAsync(
            ["run", dataset, "--base-url", server.BaseUrl.ToString(), "--model", FakeVendorRequests.Model, "--output", Path.Combine(folder, "results.jsonl"),
             "--summary", Path.Combine(folder, "summary.json"), "--report-dir", reportDir, .. extra],
            new CliConsole(output, error),
            deadline.Token);
        return (exit, output.ToString());
    }
}
