using System.Globalization;
using K2Verifier.Baselines;
using K2Verifier.Charts;
using K2Verifier.Gates;
using K2Verifier.Integration.Tests.Reports.Browser;
using K2Verifier.Reports;
using K2Verifier.Reports.Charts;
using K2Verifier.Reports.Model;
using K2Verifier.Results;
using K2Verifier.Tests.Support;
using K2Verifier.Validation;
using Microsoft.Playwright;

namespace K2Verifier.Integration.Tests.Reports;

/// <summary>The HTML report in a real browser: no console errors, figures shown, table sorts and filters, hostile answers inert.</summary>
public sealed class HtmlReportBrowserTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k2v-html-report-").FullName;

    [ChromiumFact]
    public async Task Report_InChromium_ShowsFiguresSortsFiltersAndKeepsHostileAnswersInert()
    {
        // Arrange: two vendors against a baseline, with gates, written by every exporter.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var model = BuildModel(60);
        await ReportExporters.ExportAllAsync(model, _directory, cancellationToken: timeout.Token);
        await using var browser = await ReportBrowser.LaunchAsync(1280, 1000, timeout.Token);
        var page = browser.Page;

        // Act: load the page (Playwright waits for its load event).
        await page.GotoAsync(IndexUrl());

        // Assert: no errors, and the key figures of both runs on the cards.
        Assert.Empty(browser.Errors);
        var text = await page.EvaluateAsync<string>("document.body.innerText");
        foreach (var run in model.Runs)
        {
            Assert.Contains(run.Label, text, StringComparison.Ordinal);
            Assert.Contains(Percent(run.Summary.ToolCallF1), text, StringComparison.Ordinal);
            Assert.Contains(Percent(run.Summary.SchemaAccuracy), text, StringComparison.Ordinal);
        }

        Assert.Equal(2, await page.Locator(".card").CountAsync());
        Assert.Equal(model.WireCodes.Count > 0 ? 7 : 6, await page.Locator("figure svg").CountAsync());
        Assert.Equal(model.WireCodes.Count, await page.Locator("#wire tbody tr").CountAsync());
        foreach (var chart in ReportCharts.Build(model))
        {
            // Each chart is laid out, and every label is a text element the browser drew with a width.
            var figure = page.Locator($"#chart-{chart.Id} svg");
            Assert.True(await figure.EvaluateAsync<double>("svg => svg.getBoundingClientRect().height") > 100, chart.Id);
            var drawn = await figure.EvaluateAsync<string[]>("svg => Array.from(svg.querySelectorAll('text')).filter(t => t.getBBox().width > 0).map(t => t.textContent.trim())");
            var texts = drawn.ToHashSet(StringComparer.Ordinal);
            Assert.All(ChartText.Labels(chart), label => Assert.Contains(label, texts));
        }

        var rows = page.Locator("#requests-table tbody tr");
        Assert.Equal(model.ProblemRows, await rows.CountAsync());

        // Sorting by duration: ascending, then descending.
        var duration = page.Locator("th[data-key=duration]");
        await duration.Locator("button").ClickAsync();
        var ascending = await Column(page, 11);
        Assert.Equal(ascending.Select(long.Parse).Order(), ascending.Select(long.Parse));
        await duration.Locator("button").ClickAsync();
        var descending = await Column(page, 11);
        Assert.Equal(descending.Select(long.Parse).OrderDescending(), descending.Select(long.Parse));
        Assert.Equal("descending", await duration.GetAttributeAsync("aria-sort"));

        // Filtering: failed requests only, then a text search.
        await page.SelectOptionAsync("#filter-kind", "failed");
        var statuses = await Column(page, 3);
        Assert.Equal(model.Runs.Sum(r => r.Rows.Count(row => row.IsFailed)), statuses.Length);
        Assert.All(statuses, s => Assert.Equal("failed", s));
        await page.SelectOptionAsync("#filter-kind", "");
        await page.FillAsync("#filter-text", "schema_violation");
        Assert.Equal(model.Runs.Sum(r => r.Rows.Count(row => row.ErrorCategory == "schema_violation")), (await Column(page, 8)).Length);

        // The hostile answer: shown as text, nothing ran, no element was created from it, also in the drill-down.
        await page.FillAsync("#filter-text", "pwned");
        var answers = await Column(page, 10);
        Assert.Equal(ReportTestData.HostileAnswer, Assert.Single(answers));
        await rows.First.ClickAsync();
        var response = await page.Locator("#detail-response").TextContentAsync();
        Assert.Contains("<script>window.__pwned=1</script>", response, StringComparison.Ordinal);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.__pwned"));
        Assert.Equal(0, await page.Locator("img").CountAsync());
        Assert.Equal(2, await page.Locator("script").CountAsync());
        Assert.Empty(browser.Errors);

        // Screenshots for people, kept under artifacts/ (gitignored).
        await page.FillAsync("#filter-text", "");
        await rows.First.ClickAsync();
        var screenshots = Path.Combine(RepositoryRoot(), "artifacts", "test-screenshots");
        await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "html-report.png"), FullPage = true });
        await page.Locator("#runs").ScreenshotAsync(new() { Path = Path.Combine(screenshots, "html-report-runs.png") });
        await page.Locator("#requests").ScreenshotAsync(new() { Path = Path.Combine(screenshots, "html-report-requests.png") });
    }

    [ChromiumFact]
    public async Task Report_At1400PixelsWide_RequestsTableFitsThePage()
    {
        // Arrange: the report of two vendors, long labels and messages included, in a 1400 px wide viewport.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await ReportExporters.ExportAllAsync(BuildModel(60), _directory, cancellationToken: timeout.Token);
        await using var browser = await ReportBrowser.LaunchAsync(1400, 1000, timeout.Token);
        var page = browser.Page;

        // Act
        await page.GotoAsync(IndexUrl());

        // Assert: rows are drawn, and neither the table nor the page is wider than the page.
        Assert.True(await page.Locator("#requests-table tbody tr").CountAsync() > 0);
        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.clientWidth");
        Assert.InRange(pageWidth, 1360, 1400); // 1400 less a scroll bar
        Assert.InRange(await page.EvaluateAsync<int>("document.getElementById('requests-table').scrollWidth"), 1, pageWidth);
        Assert.InRange(await page.EvaluateAsync<int>("document.querySelector('.table-wrap').scrollWidth"), 1, pageWidth);
        Assert.InRange(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), 1, pageWidth);
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

    private ReportModel BuildModel(int rows)
    {
        var a = ReportTestData.WriteJournal(Path.Combine(_directory, "vendor-a.jsonl"), ReportTestData.VendorRows(rows, 0));
        var b = ReportTestData.WriteJournal(Path.Combine(_directory, "vendor-b.jsonl"), ReportTestData.VendorRows(rows, 3, "kimi-k2-0905-preview"));
        var expected = ReportTestData.WriteExpectations(Path.Combine(_directory, "expected.jsonl"), rows);
        var builder = new ReportModelBuilder(new ResultsScorer(new CaseEvaluator(JsonSchemaValidator.Default)));
        return builder.Build(
            [new ReportInput(a, "vendor A"), new ReportInput(b, "vendor <B> & co")],
            new ReportOptions { Baseline = BaselineReader.Read(expected), Gates = [GateExpression.Parse("tool_call_f1>=0.80"), GateExpression.Parse("schema_accuracy>=0.95")] });
    }

    private static string Percent(double? value) => value!.Value.ToString("0.00%", CultureInfo.InvariantCulture);

    private string IndexUrl() => new Uri(Path.Combine(_directory, "index.html")).AbsoluteUri;

    private static Task<string[]> Column(IPage page, int column) =>
        page.Locator("#requests-table tbody tr").EvaluateAllAsync<string[]>($"rows => rows.map(r => r.children[{column}].textContent)");

    private static string RepositoryRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "K2Verifier.sln")))
            {
                return dir;
            }
        }

        return Path.GetTempPath();
    }
}
