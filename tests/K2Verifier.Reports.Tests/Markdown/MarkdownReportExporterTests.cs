using K2Verifier.Reports.Markdown;
using K2Verifier.Reports.Model;
using K2Verifier.Reports.Tests.TestSupport;
using K2Verifier.Tests.Support;

namespace K2Verifier.Reports.Tests.Markdown;

public sealed class MarkdownReportExporterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    public void ToMarkdown_TwoVendors_MatchesGolden(string culture)
    {
        using var fixture = new ReportFixture();
        using var scope = new CultureScope(culture);

        var markdown = MarkdownReportExporter.ToMarkdown(fixture.TwoVendors());

        Golden.AssertMatches(fixture.Scrub(markdown), "report-summary.md");
    }

    [Fact]
    public void ToMarkdown_HostileLabel_IsEscaped()
    {
        using var fixture = new ReportFixture(8);
        var model = ReportFixture.Builder().Build([new ReportInput(fixture.VendorA, "<img src=x onerror=alert(1)> | *x*")], new ReportOptions());

        var markdown = MarkdownReportExporter.ToMarkdown(model);

        Assert.DoesNotContain("<img", markdown, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)> \\| \\*x\\*", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_WithoutBaseline_SaysSoAndHasNoTriggerRows()
    {
        using var fixture = new ReportFixture(8);

        var markdown = MarkdownReportExporter.ToMarkdown(fixture.Single());

        Assert.Contains("no baseline", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| trigger precision |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("## Gates", markdown, StringComparison.Ordinal);
    }
}
