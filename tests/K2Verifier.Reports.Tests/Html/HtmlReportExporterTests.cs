using System.Text.Json;
using System.Text.RegularExpressions;
using K2Verifier.Reports.Html;
using K2Verifier.Reports.Model;
using K2Verifier.Reports.Tests.TestSupport;
using K2Verifier.Tests.Support;

namespace K2Verifier.Reports.Tests.Html;

public sealed partial class HtmlReportExporterTests
{
    [Fact]
    public void ToHtml_HostileAnswer_NeverAppearsAsMarkup()
    {
        using var fixture = new ReportFixture();

        var html = HtmlReportExporter.ToHtml(fixture.TwoVendors());

        Assert.DoesNotContain("<script>window", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Equal(2, ScriptTag().Count(html));
    }

    [Fact]
    public void ToHtml_EmbeddedData_CannotCloseItsScriptBlock_AndRoundTrips()
    {
        using var fixture = new ReportFixture();

        var html = HtmlReportExporter.ToHtml(fixture.TwoVendors());

        var json = DataBlock().Match(html).Groups["json"].Value;
        Assert.DoesNotContain('<', json);
        Assert.DoesNotContain('>', json);
        using var data = JsonDocument.Parse(json);
        var hostile = data.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("index").GetInt32() == ReportTestData.HostileIndex && r.GetProperty("run").GetString() == "vendor A");
        Assert.Equal(ReportTestData.HostileAnswer, hostile.GetProperty("answer").GetString());
        var detail = data.RootElement.GetProperty("details")[hostile.GetProperty("detail").GetInt32()];
        Assert.Contains("window.__pwned=1", detail.GetProperty("response").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_IsSelfContained()
    {
        using var fixture = new ReportFixture();

        var html = HtmlReportExporter.ToHtml(fixture.TwoVendors());

        Assert.DoesNotMatch(@"(src|href)\s*=\s*""?(https?:)?//", html);
        Assert.Contains("Content-Security-Policy", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_CardsAndGates_ShowTheKeyFigures()
    {
        using var fixture = new ReportFixture();
        var model = fixture.TwoVendors();

        var html = HtmlReportExporter.ToHtml(model);

        Assert.Contains(Formatting.Display.Percent(model.Runs[0].Summary.ToolCallF1), html, StringComparison.Ordinal);
        Assert.Contains(Formatting.Display.Percent(model.Runs[1].Summary.SchemaAccuracy), html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"gates\">", html, StringComparison.Ordinal);
        Assert.Contains("tool_call_f1&gt;=0.80", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_RunWithAFailedGate_CardMarkedFailing()
    {
        // The fixture's gates: schema_accuracy>=0.95 fails for both vendors.
        using var fixture = new ReportFixture();

        var html = HtmlReportExporter.ToHtml(fixture.TwoVendors());

        Assert.Equal(2, html.Split("<article class=\"card fail\"", StringSplitOptions.None).Length - 1);
        Assert.Contains(".card.fail {", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToHtml_DrillDownCap_IsStatedInThePage()
    {
        using var fixture = new ReportFixture();

        var model = fixture.TwoVendors(new ReportOptions { MaxDetailRows = 4 });
        var html = HtmlReportExporter.ToHtml(model);

        Assert.Equal(4, model.DetailedRows);
        Assert.True(model.ProblemRows > 4);
        Assert.Contains("embedded for the first 4 of them", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<script[ >]")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<script type=\"application/json\" id=\"report-data\">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataBlock();
}
