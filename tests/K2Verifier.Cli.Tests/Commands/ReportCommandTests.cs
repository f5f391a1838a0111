using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Common;
using K2Verifier.Tests.Support;

namespace K2Verifier.Cli.Tests.Commands;

public sealed class ReportCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k2v-report-cli-").FullName;

    [Fact]
    public async Task Report_TwoRunsWithBaselineAndLabels_WritesEveryFileAndPrintsItsPath()
    {
        // Arrange
        var a = ReportTestData.WriteJournal(Path.Combine(_directory, "a.jsonl"), ReportTestData.VendorRows(30));
        var b = ReportTestData.WriteJournal(Path.Combine(_directory, "b.jsonl"), ReportTestData.VendorRows(30, 3));
        var expected = ReportTestData.WriteExpectations(Path.Combine(_directory, "expected.jsonl"), 30);
        var output = Path.Combine(_directory, "report");

        // Act
        var (exitCode, stdout, _) = await CliRunner.RunAsync("report", a, b, "--out", output, "--label", "vendor A", "--label", "vendor B", "--baseline", expected);

        // Assert
        Assert.Equal((int)ExitCode.Ok, exitCode);
        foreach (var file in new[] { "index.html", "summary.md", "summary.csv", "requests.csv", "categories.csv", "vendors.csv", "charts/finish-reasons.svg", "charts/trigger-metrics.svg", "charts/category-f1.svg", "charts/finish-reasons.png", "charts/trigger-metrics.png", "charts/category-f1.png" })
        {
            var path = Path.Combine(output, file);
            Assert.True(File.Exists(path), file);
            Assert.Contains($"wrote {path}", stdout, StringComparison.Ordinal);
        }

        Assert.Contains("| vendor A | vendor B |", File.ReadAllText(Path.Combine(output, "summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_FailedGate_ExitsOneAfterWriting()
    {
        var a = ReportTestData.WriteJournal(Path.Combine(_directory, "a.jsonl"), ReportTestData.VendorRows(20));

        var (exitCode, stdout, _) = await CliRunner.RunAsync("report", a, "--out", Path.Combine(_directory, "r"), "--gate", "schema_accuracy>=0.999");

        Assert.Equal((int)ExitCode.GateFailed, exitCode);
        Assert.Contains("FAIL  schema_accuracy>=0.999", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "r", "index.html")));
    }

    [Fact]
    public async Task Report_BadInputs_AreUsageErrorsNamedAtOnce()
    {
        var a = ReportTestData.WriteJournal(Path.Combine(_directory, "a.jsonl"), ReportTestData.VendorRows(5));

        var (exitCode, _, error) = await CliRunner.RunAsync("report", a, "/nonexistent/b.jsonl", "--out", Path.Combine(_directory, "r"), "--label", "x", "--label", "y", "--label", "z", "--history", "/nonexistent/history");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("results file not found: /nonexistent/b.jsonl", error, StringComparison.Ordinal);
        Assert.Contains("3 --label values for 2 results files", error, StringComparison.Ordinal);
        Assert.Contains("--history folder not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_ReportDir_WritesTheReportToo()
    {
        var a = ReportTestData.WriteJournal(Path.Combine(_directory, "a.jsonl"), ReportTestData.VendorRows(10));

        var (exitCode, stdout, stderr) = await CliRunner.RunAsync("score", a, "--json", "--report-dir", Path.Combine(_directory, "r"));

        Assert.Equal((int)ExitCode.Ok, exitCode);
        using var _ = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.Contains("wrote " + Path.Combine(_directory, "r", "index.html"), stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
