using System.Globalization;
using System.Text.Json;
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
        var ct = timeout.Token;
        var model = BuildModel(60);
        await ReportExporters.ExportAllAsync(model, _directory, cancellationToken: ct);
        var executable = HeadlessChromium.FindExecutable() ?? throw new InvalidOperationException(ChromiumFactAttribute.Missing);
        await using var browser = await HeadlessChromium.LaunchAsync(executable, ct);
        var page = browser.Page;
        await page.SendAsync("Runtime.enable", null, ct);
        await page.SendAsync("Log.enable", null, ct);
        await page.SendAsync("Page.enable", null, ct);

        // Act: load the page.
        var loaded = page.NextEvent("Page.loadEventFired");
        await page.SendAsync("Page.navigate", new { url = new Uri(Path.Combine(_directory, "index.html")).AbsoluteUri }, ct);
        await loaded.WaitAsync(ct);

        // Assert: no errors, and the key figures of both runs on the cards.
        Assert.Empty(page.Errors);
        var text = (await page.EvaluateAsync("document.body.innerText", ct)).GetString()!;
        foreach (var run in model.Runs)
        {
            Assert.Contains(run.Label, text, StringComparison.Ordinal);
            Assert.Contains(Percent(run.Summary.ToolCallF1), text, StringComparison.Ordinal);
            Assert.Contains(Percent(run.Summary.SchemaAccuracy), text, StringComparison.Ordinal);
        }

        Assert.Equal(2, await Int(page, "document.querySelectorAll('.card').length", ct));
        Assert.Equal(model.WireCodes.Count > 0 ? 7 : 6, await Int(page, "document.querySelectorAll('figure svg').length", ct));
        Assert.Equal(model.WireCodes.Count, await Int(page, "document.querySelectorAll('#wire tbody tr').length", ct));
        foreach (var chart in ReportCharts.Build(model))
        {
            // Each chart is laid out, and every label is a text element the browser drew with a width.
            var figure = $"document.querySelector('#chart-{chart.Id} svg')";
            Assert.True(await Int(page, $"Math.round({figure}.getBoundingClientRect().height)", ct) > 100, chart.Id);
            var drawn = await page.EvaluateAsync($"Array.from({figure}.querySelectorAll('text')).filter(t => t.getBBox().width > 0).map(t => t.textContent.trim())", ct);
            var texts = drawn.EnumerateArray().Select(t => t.GetString()!).ToHashSet(StringComparer.Ordinal);
            Assert.All(ChartText.Labels(chart), label => Assert.Contains(label, texts));
        }

        Assert.Equal(model.ProblemRows, await Int(page, "document.querySelectorAll('#requests-table tbody tr').length", ct));

        // Sorting by duration: ascending, then descending.
        await page.EvaluateAsync("document.querySelector('th[data-key=duration] button').click()", ct);
        var ascending = await Column(page, 11, ct);
        Assert.Equal(ascending.Select(long.Parse).Order(), ascending.Select(long.Parse));
        await page.EvaluateAsync("document.querySelector('th[data-key=duration] button').click()", ct);
        var descending = await Column(page, 11, ct);
        Assert.Equal(descending.Select(long.Parse).OrderDescending(), descending.Select(long.Parse));
        Assert.Equal("descending", (await page.EvaluateAsync("document.querySelector('th[data-key=duration]').getAttribute('aria-sort')", ct)).GetString());

        // Filtering: failed requests only, then a text search.
        await SetAsync(page, "#filter-kind", "failed", ct);
        var statuses = await Column(page, 3, ct);
        Assert.Equal(model.Runs.Sum(r => r.Rows.Count(row => row.IsFailed)), statuses.Count);
        Assert.All(statuses, s => Assert.Equal("failed", s));
        await SetAsync(page, "#filter-kind", "", ct);
        await SetAsync(page, "#filter-text", "schema_violation", ct);
        Assert.Equal(model.Runs.Sum(r => r.Rows.Count(row => row.ErrorCategory == "schema_violation")), (await Column(page, 8, ct)).Count);

        // The hostile answer: shown as text, nothing ran, no element was created from it, also in the drill-down.
        await SetAsync(page, "#filter-text", "pwned", ct);
        var answers = await Column(page, 10, ct);
        Assert.Equal(ReportTestData.HostileAnswer, Assert.Single(answers));
        await page.EvaluateAsync("document.querySelector('#requests-table tbody tr').click()", ct);
        var response = (await page.EvaluateAsync("document.getElementById('detail-response').textContent", ct)).GetString()!;
        Assert.Contains("<script>window.__pwned=1</script>", response, StringComparison.Ordinal);
        Assert.Equal("undefined", (await page.EvaluateAsync("typeof window.__pwned", ct)).GetString());
        Assert.Equal(0, await Int(page, "document.querySelectorAll('img').length", ct));
        Assert.Equal(2, await Int(page, "document.querySelectorAll('script').length", ct));
        Assert.Empty(page.Errors);

        // A screenshot for people, kept under artifacts/ (gitignored).
        await SetAsync(page, "#filter-text", "", ct);
        await page.EvaluateAsync("document.querySelector('#requests-table tbody tr').click()", ct);
        await ScreenshotAsync(page, "html-report.png", null, ct);
        await ScreenshotAsync(page, "html-report-runs.png", "#runs", ct);
        await ScreenshotAsync(page, "html-report-requests.png", "#requests", ct);
    }

    [ChromiumFact]
    public async Task Report_At1400PixelsWide_RequestsTableFitsThePage()
    {
        // Arrange: the report of two vendors, long labels and messages included, in a 1400 px wide viewport.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        await ReportExporters.ExportAllAsync(BuildModel(60), _directory, cancellationToken: ct);
        var executable = HeadlessChromium.FindExecutable() ?? throw new InvalidOperationException(ChromiumFactAttribute.Missing);
        await using var browser = await HeadlessChromium.LaunchAsync(executable, ct);
        var page = browser.Page;
        await page.SendAsync("Page.enable", null, ct);
        await page.SendAsync("Emulation.setDeviceMetricsOverride", new { width = 1400, height = 1000, deviceScaleFactor = 1, mobile = false }, ct);

        // Act
        var loaded = page.NextEvent("Page.loadEventFired");
        await page.SendAsync("Page.navigate", new { url = new Uri(Path.Combine(_directory, "index.html")).AbsoluteUri }, ct);
        await loaded.WaitAsync(ct);

        // Assert: rows are drawn, and neither the table nor the page is wider than the page.
        Assert.True(await Int(page, "document.querySelectorAll('#requests-table tbody tr').length", ct) > 0);
        var pageWidth = await Int(page, "document.documentElement.clientWidth", ct);
        Assert.InRange(pageWidth, 1360, 1400); // 1400 less a scroll bar
        Assert.InRange(await Int(page, "document.getElementById('requests-table').scrollWidth", ct), 1, pageWidth);
        Assert.InRange(await Int(page, "document.querySelector('.table-wrap').scrollWidth", ct), 1, pageWidth);
        Assert.InRange(await Int(page, "document.documentElement.scrollWidth", ct), 1, pageWidth);
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

    private static async Task<int> Int(DevToolsSession page, string expression, CancellationToken ct) => (await page.EvaluateAsync(expression, ct)).GetInt32();

    private static async Task<List<string>> Column(DevToolsSession page, int column, CancellationToken ct)
    {
        var values = await page.EvaluateAsync($"Array.from(document.querySelectorAll('#requests-table tbody tr')).map(r => r.children[{column}].textContent)", ct);
        return [.. values.EnumerateArray().Select(v => v.GetString()!)];
    }

    private static async Task SetAsync(DevToolsSession page, string selector, string value, CancellationToken ct) =>
        await page.EvaluateAsync($"(() => {{ const e = document.querySelector({JsonSerializer.Serialize(selector)}); e.value = {JsonSerializer.Serialize(value)}; e.dispatchEvent(new Event('input')); }})()", ct);

    private static async Task ScreenshotAsync(DevToolsSession page, string name, string? selector, CancellationToken ct)
    {
        var height = Math.Min(12_000, await Int(page, "document.documentElement.scrollHeight", ct));
        await page.SendAsync("Emulation.setDeviceMetricsOverride", new { width = 1280, height, deviceScaleFactor = 1, mobile = false }, ct);
        object parameters = new { format = "png", captureBeyondViewport = true };
        if (selector is not null)
        {
            var box = await page.EvaluateAsync($"(() => {{ const r = document.querySelector({JsonSerializer.Serialize(selector)}).getBoundingClientRect(); return [r.x, r.y + window.scrollY, r.width, r.height]; }})()", ct);
            var b = box.EnumerateArray().Select(v => v.GetDouble()).ToArray();
            parameters = new { format = "png", captureBeyondViewport = true, clip = new { x = b[0], y = b[1], width = b[2], height = b[3], scale = 1 } };
        }

        var shot = await page.SendAsync("Page.captureScreenshot", parameters, ct);
        var directory = Path.Combine(RepositoryRoot(), "artifacts", "test-screenshots");
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, name), Convert.FromBase64String(shot.GetProperty("data").GetString()!), ct);
    }

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
