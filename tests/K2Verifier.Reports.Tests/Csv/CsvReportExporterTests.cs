using K2Verifier.Reports.Csv;
using K2Verifier.Reports.Tests.TestSupport;
using K2Verifier.Tests.Support;

namespace K2Verifier.Reports.Tests.Csv;

public sealed class CsvReportExporterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    public void Csv_TwoVendors_MatchGolden(string culture)
    {
        // Arrange
        using var fixture = new ReportFixture();
        using var scope = new CultureScope(culture);
        var model = fixture.TwoVendors();

        // Act / Assert: the same golden files under every culture.
        Golden.AssertMatches(fixture.Scrub(CsvReportExporter.Requests(model)), "report-requests.csv");
        Golden.AssertMatches(fixture.Scrub(CsvReportExporter.Summary(model)), "report-summary.csv");
        Golden.AssertMatches(fixture.Scrub(CsvReportExporter.Categories(model)), "report-categories.csv");
        Golden.AssertMatches(fixture.Scrub(CsvReportExporter.Vendors(model)), "report-vendors.csv");
    }

    [Fact]
    public void Requests_RowsByRunThenDataIndex_WithUnitsInHeader()
    {
        using var fixture = new ReportFixture(12);
        var lines = CsvReportExporter.Requests(fixture.TwoVendors()).TrimEnd('\n').Split('\n');

        Assert.Equal("run,data_index,category,status,finish_reason,baseline_finish_reason,outcome,verdict,error_category,error_path,attempts,duration_ms,ttft_ms,prompt_tokens,completion_tokens,wire_findings", lines[0]);
        var keys = lines.Skip(1).Select(l => l.Split(',')).Select(f => (f[0], int.Parse(f[1]))).ToList();
        Assert.Equal(24, keys.Count);
        Assert.Equal(keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2), keys);
    }

    [Fact]
    public void Requests_InvalidCall_HasOutcomeVerdictAndPath()
    {
        using var fixture = new ReportFixture();
        var line = CsvReportExporter.Requests(fixture.TwoVendors()).Split('\n').Single(l => l.StartsWith("vendor A,13,", StringComparison.Ordinal));

        Assert.Equal("vendor A,13,multiple,success,tool_calls,tool_calls,tp,invalid,schema_violation,/city,1,,,113,16".Split(',')[..11], line.Split(',')[..11]);
    }

    [Fact]
    public void Summary_UnderGermanCulture_UsesInvariantNumbers()
    {
        using var fixture = new ReportFixture();
        using var scope = new CultureScope("de-DE");

        var row = CsvReportExporter.Summary(fixture.TwoVendors()).Split('\n')[1];

        Assert.Contains(",0.", row, StringComparison.Ordinal);
        Assert.DoesNotContain("0,9", row, StringComparison.Ordinal);
    }
}
