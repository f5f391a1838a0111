using K2Verifier.Suites.Probing;
using K2Verifier.Suites.Reporting;

namespace K2Verifier.Suites.Tests.Probing;

public sealed class SuiteReportSectionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k2v-section-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task AddAsync_SummaryWrittenBySuite_AddsSectionToMarkdownAndHtml()
    {
        var rows = new[]
        {
            Row("defaults", passed: true),
            Row("n-zero", passed: false, detail: "served <n=0>"),
        };
        var report = new SuiteReport("params", Running.RunOutcome.Completed, null, rows, 2, 10, "j");
        var options = new SuiteRunOptions { OutputDirectory = _directory };
        await SuiteOutputWriter.WriteAsync(report, SuiteSummary.Of(report, "m", "sim://x"), options, CancellationToken.None);
        var output = Path.Combine(_directory, "report");

        Assert.True(SuiteReportSection.IsSuiteFolder(_directory));
        await SuiteReportSection.AddAsync(output, SuiteReportSection.Read(_directory), CancellationToken.None);

        var markdown = await File.ReadAllTextAsync(Path.Combine(output, "summary.md"));
        Assert.Contains("| params | sim://x | 1/2 | 1 | fail 1, pass 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("`n-zero`: expected 4xx, got 200", markdown, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(output, "index.html"));
        Assert.Contains("served &lt;n=0&gt;", html, StringComparison.Ordinal);
        Assert.EndsWith("</section></body></html>", html, StringComparison.Ordinal);
    }

    private static ProbeRow Row(string probe, bool passed, string? detail = null) => new()
    {
        Suite = "params",
        Probe = probe,
        Mode = "non-stream",
        Expected = passed ? "200" : "4xx",
        Got = "200",
        Status = passed ? ProbeStatus.Pass : ProbeStatus.Fail,
        Passed = passed,
        Reason = passed ? "served" : "accepted_invalid",
        Detail = detail,
        LastRunAt = "2026-12-07T00:00:00.000000",
    };
}
