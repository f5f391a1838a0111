using K2Verifier.Reports.Markdown;
using K2Verifier.Reports.Model;
using K2Verifier.Reports.Tests.TestSupport;
using K2Verifier.Results;
using K2Verifier.Tests.Support;

namespace K2Verifier.Reports.Tests.Markdown;

public sealed class MarkdownParseFindingsTests
{
    [Fact]
    public void ToMarkdown_RowsParsedInProcess_ShowParseFindings()
    {
        using var fixture = new ReportFixture(8);
        var rows = ReportTestData.VendorRows(8).Select((r, i) => r with { Parse = new ParseReport("stop", i == 0 ? "stop -> tool_calls" : null, i < 3 ? 1 : 0) });
        var path = ReportTestData.WriteJournal(Path.Combine(fixture.Directory, "parsed.jsonl"), rows);

        var markdown = MarkdownReportExporter.ToMarkdown(ReportFixture.Builder().Build([new ReportInput(path, "local")], new ReportOptions()));

        Assert.True(markdown.Contains("## Parse findings", StringComparison.Ordinal), markdown);
        Assert.Contains("| rows with an incomplete tool call | 3 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| finish reason changed by the parse | 1 |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("## Parse findings", MarkdownReportExporter.ToMarkdown(fixture.Single()), StringComparison.Ordinal);
    }
}
