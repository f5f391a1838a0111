using K2Verifier.Reports.Html;
using K2Verifier.Reports.Markdown;
using K2Verifier.Reports.Model;
using K2Verifier.Reports.Tests.TestSupport;
using K2Verifier.Validation.CrossCheck;

namespace K2Verifier.Reports.Tests.Model;

/// <summary>Issue 18: the report shows the validator-sensitive calls of a cross-checked run (<c>score --cross-check</c>).</summary>
public sealed class ValidatorSensitiveSectionTests
{
    private static readonly ValidatorSensitiveCall Call = new(7, 0, "lookup", "valid", "invalid_schema", DisagreementReason.RegexDialect, "pattern '^(?P<id>[a-z]+)$' <does not build>");

    [Fact]
    public void Exporters_CrossCheckedRun_ListEachSensitiveCallWithItsVerdicts()
    {
        // Arrange
        using var fixture = new ReportFixture(8);
        var model = CrossChecked(fixture.Single(), [Call]);

        // Act
        var markdown = MarkdownReportExporter.ToMarkdown(model);
        var html = HtmlReportExporter.ToHtml(model);

        // Assert
        Assert.Contains("## Validator-sensitive calls", markdown, StringComparison.Ordinal);
        Assert.Contains("| 7 | 0 | lookup | `regex_dialect` | `valid` | `invalid_schema` | `pattern '^(?P<id>[a-z]+)$' <does not build>` |", markdown, StringComparison.Ordinal);
        Assert.Contains("<section id=\"validator-sensitive\">", html, StringComparison.Ordinal);
        Assert.Contains("<code>regex_dialect</code></td><td>valid</td><td>invalid_schema</td>", html, StringComparison.Ordinal);
        Assert.Contains("(?P&lt;id&gt;[a-z]&#x2B;)$&#x27; &lt;does not build&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Exporters_CrossCheckedWithoutDisagreement_SayNoVerdictDependsOnTheValidator()
    {
        using var fixture = new ReportFixture(8);
        var model = CrossChecked(fixture.Single(), []);

        Assert.Contains("no verdict depends on the validator", MarkdownReportExporter.ToMarkdown(model), StringComparison.Ordinal);
        Assert.Contains("no verdict depends on the validator", HtmlReportExporter.ToHtml(model), StringComparison.Ordinal);
    }

    [Fact]
    public void Exporters_NotCrossChecked_HaveNoSection()
    {
        using var fixture = new ReportFixture(8);
        var model = fixture.Single();

        Assert.DoesNotContain("Validator-sensitive", MarkdownReportExporter.ToMarkdown(model), StringComparison.Ordinal);
        Assert.DoesNotContain("validator-sensitive", HtmlReportExporter.ToHtml(model), StringComparison.Ordinal);
    }

    private static ReportModel CrossChecked(ReportModel model, IReadOnlyList<ValidatorSensitiveCall> calls) =>
        model with { Runs = [.. model.Runs.Select(r => r with { Summary = r.Summary with { ValidatorSensitiveCalls = calls.Count, ValidatorSensitive = calls } })] };
}
