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
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        // Act
        var exit = await CliApp.RunAsync(
            ["run", dataset, "--base-url", server.BaseUrl.ToString(), "--model", FakeVendorRequests.Model, "--output", Path.Combine(folder, "results.jsonl"),
             "--summary", Path.Combine(folder, "summary.json"), "--report-dir", reportDir],
            new CliConsole(output, error),
            deadline.Token);

        // Assert
        Assert.Equal((int)ExitCode.Ok, exit);
        Assert.Contains("wrote " + Path.Combine(reportDir, "index.html"), output.ToString(), StringComparison.Ordinal);
        var requests = File.ReadAllLines(Path.Combine(reportDir, "requests.csv"));
        Assert.Equal(4, requests.Length);
        Assert.Contains(requests, l => l.Contains(",3,,success,tool_calls,,,invalid,undeclared_tool,", StringComparison.Ordinal));
        var summary = File.ReadAllLines(Path.Combine(reportDir, "summary.csv"));
        Assert.Contains(server.BaseUrl.GetLeftPart(UriPartial.Path), summary[1], StringComparison.Ordinal);
    }
}
