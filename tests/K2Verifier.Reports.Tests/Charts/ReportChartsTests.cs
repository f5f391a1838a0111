using System.Xml.Linq;
using K2Verifier.Charts;
using K2Verifier.Metrics;
using K2Verifier.Reports.Charts;
using K2Verifier.Reports.Model;
using K2Verifier.Reports.Tests.TestSupport;
using K2Verifier.Tests.Support;

namespace K2Verifier.Reports.Tests.Charts;

public sealed class ReportChartsTests
{
    [Fact]
    public void FinishReasons_SharesOfEachRun_SumTo100AndMatchTheSummary()
    {
        using var fixture = new ReportFixture();
        var model = fixture.TwoVendors();

        var chart = ReportCharts.FinishReasons(model);

        Assert.True(chart.Stacked);
        Assert.Equal(["vendor A", "vendor B"], chart.Categories);
        Assert.Equal(["tool_calls", "stop", "length", "failed request"], chart.Series.Select(s => s.Name));
        for (var run = 0; run < model.Runs.Count; run++)
        {
            var s = model.Runs[run].Summary;
            Assert.Equal(100, chart.Series.Sum(series => series.Values[run]!.Value), 1);
            Assert.Equal(Math.Round(100.0 * s.FinishToolCalls / s.TotalRows, 2), chart.Series[0].Values[run]);
            Assert.Equal(Math.Round(100.0 * s.FailureCount / s.TotalRows, 2), chart.Series[3].Values[run]);
        }
    }

    [Fact]
    public void TriggerMetrics_ValuesIntervalsAndAcceptanceLine_ComeFromTheSummaries()
    {
        using var fixture = new ReportFixture();
        var model = fixture.TwoVendors();

        var chart = ReportCharts.TriggerMetrics(model)!;

        var f1 = chart.Series.Single(s => s.Name == "F1");
        Assert.Equal(model.Runs.Select(r => r.Summary.ToolCallF1), f1.Values);
        Assert.Equal(model.Runs.Select(r => r.Summary.Intervals["tool_call_f1"]!.Low), f1.Errors!.Select(e => e!.Value.Low));
        Assert.Equal(0.80, Assert.Single(chart.ReferenceLines).Value);
    }

    [Fact]
    public void TriggerMetrics_WithoutBaseline_IsLeftOut()
    {
        using var fixture = new ReportFixture(8);
        var model = fixture.Single();

        Assert.Null(ReportCharts.TriggerMetrics(model));
        Assert.Null(ReportCharts.CategoryF1(model));
        Assert.DoesNotContain(ReportCharts.Build(model), c => c.Id is "trigger-metrics" or "category-f1" or "trend");
    }

    [Fact]
    public void SchemaAccuracy_RunsBesideThePublishedProviders_BestFirst()
    {
        using var fixture = new ReportFixture();
        var model = fixture.TwoVendors();

        var chart = ReportCharts.SchemaAccuracy(model)!;

        Assert.Equal(model.Runs.Count + model.PublishedVendors.Count, chart.Categories.Count);
        Assert.Contains("vendor A", chart.Categories);
        Assert.Contains("MoonshotAI (published)", chart.Categories);
        var values = chart.Categories.Select((_, i) => chart.Series[0].Values[i] ?? chart.Series[1].Values[i]).ToList();
        Assert.Equal(values.OrderByDescending(v => v), values);
        var runIndex = chart.Categories.ToList().IndexOf("vendor A");
        Assert.Equal(model.Runs[0].Summary.SchemaAccuracy, chart.Series[0].Values[runIndex]);
        Assert.Null(chart.Series[1].Values[runIndex]);
        Assert.True(chart.ValueMin <= values.Min());
    }

    [Fact]
    public void ErrorCategories_CountsPerRun()
    {
        using var fixture = new ReportFixture();
        var model = fixture.TwoVendors();

        var chart = ReportCharts.ErrorCategories(model)!;

        Assert.Equal(["invalid call: schema_violation", "failed request: timeout"], chart.Categories);
        Assert.Equal([(double?)model.Runs[0].Summary.ErrorCategories["schema_violation"], model.Runs[0].Summary.FailureCategories["timeout"]], chart.Series[0].Values);
    }

    [Fact]
    public void CategoryF1_OneBarPerCategoryAndRun()
    {
        using var fixture = new ReportFixture();
        var model = fixture.TwoVendors();

        var chart = ReportCharts.CategoryF1(model)!;

        Assert.Equal(["multiple", "parallel", "simple"], chart.Categories);
        Assert.Equal(model.Runs[1].Summary.Categories["simple"].ToolCallF1, chart.Series[1].Values[2]);
        Assert.EndsWith("; no F1 (undefined) for: irrelevance", chart.Subtitle, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdf_IsMonotoneEndsAtOneAndIsCapped()
    {
        var points = ReportCharts.Cdf(Enumerable.Range(0, 4000).Select(i => (long)(4000 - i)));

        Assert.True(points.Count <= 200);
        Assert.Equal(1.0, points[^1].Y);
        Assert.Equal(4000, points[^1].X);
        Assert.All(points.Zip(points.Skip(1)), p => Assert.True(p.First.X <= p.Second.X && p.First.Y < p.Second.Y));
    }

    [Fact]
    public void LatencyCdf_OneSeriesPerRun()
    {
        using var fixture = new ReportFixture();

        var chart = ReportCharts.LatencyCdf(fixture.TwoVendors())!;

        Assert.True(chart.LogX);
        Assert.Equal(["vendor A", "vendor B"], chart.Series.Select(s => s.Name));
        Assert.Equal(40, chart.Series[0].Points.Count);
    }

    [Fact]
    public void Trend_HistoryFolder_SortedByStartTimeThenTheRuns()
    {
        using var fixture = new ReportFixture();
        var history = Path.Combine(fixture.Directory, "history");
        Directory.CreateDirectory(history);
        File.WriteAllText(Path.Combine(history, "b.json"), RunSummaryWriter.ToJson(new RunSummary { Model = "m", SuccessCount = 9, TotalRows = 10, ToolCallF1 = 0.7, EvalStartedAt = "2025-11-02T02:00:00" }));
        File.WriteAllText(Path.Combine(history, "a.json"), RunSummaryWriter.ToJson(new RunSummary { Model = "m", SuccessCount = 10, TotalRows = 10, ToolCallF1 = 0.9, EvalStartedAt = "2025-11-01T02:00:00" }));
        File.WriteAllText(Path.Combine(history, "notes.json"), """{"repeats": 3}""");
        var problems = new List<string>();
        var model = ReportFixture.Builder().Build([new ReportInput(fixture.VendorA, "tonight")], new ReportOptions { HistoryDirectory = history, Baseline = Baselines.BaselineReader.Read(fixture.Expectations) }, problems.Add);

        var chart = ReportCharts.Trend(model)!;

        Assert.Equal(["2025-11-01 02:00", "2025-11-02 02:00", model.History[2].Label], chart.XLabels);
        Assert.Equal("tonight", model.History[2].Source);
        Assert.Equal([0.9, 0.7, model.Runs[0].Summary.ToolCallF1!.Value], chart.Series.Single(s => s.Name == "tool_call_f1").Points.Select(p => p.Y));
        Assert.Contains(problems, p => p.Contains("notes.json", StringComparison.Ordinal));
    }

    [Fact]
    public void LatencyCdf_NoRowTookMeasurableTime_IsLeftOut()
    {
        // Arrange: a simulated run, where every request finishes in 0 ms.
        using var fixture = new ReportFixture();
        var simulated = ReportTestData.WriteJournal(Path.Combine(fixture.Directory, "simulated.jsonl"), ReportTestData.VendorRows(20, 0).Select(r => r with { DurationMs = 0 }));
        var model = ReportFixture.Builder().Build([new ReportInput(simulated)], new ReportOptions());

        // Act / Assert
        Assert.Null(ReportCharts.LatencyCdf(model));
        Assert.DoesNotContain(ReportCharts.Build(model), c => c.Id == "latency-cdf");
    }

    [Fact]
    public void LatencyCdf_SimulatedRunBesideATimedOne_DrawsOnlyTheTimedRunAndSaysSo()
    {
        using var fixture = new ReportFixture();
        var simulated = ReportTestData.WriteJournal(Path.Combine(fixture.Directory, "simulated.jsonl"), ReportTestData.VendorRows(20, 0).Select((r, i) => r with { DurationMs = i == 0 ? 48 : 0 }));
        var model = ReportFixture.Builder().Build([new ReportInput(simulated, "simulated"), new ReportInput(fixture.VendorA, "vendor A")], new ReportOptions());

        var chart = ReportCharts.LatencyCdf(model)!;

        var series = Assert.Single(chart.Series);
        Assert.Equal("vendor A", series.Name);
        Assert.Equal(Palette.At(1), series.Color);
        Assert.EndsWith("no durations measured for: simulated", chart.Subtitle, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryChart_DrawnAsSvgAndPng_WithEveryLabelEscaped()
    {
        using var fixture = new ReportFixture();
        const string label = "<b>\"vendor\" & 'co'</b>";
        var model = ReportFixture.Builder().Build(
            [new ReportInput(fixture.VendorA, label), new ReportInput(fixture.VendorB)],
            new ReportOptions { Baseline = Baselines.BaselineReader.Read(fixture.Expectations) });

        var charts = ReportCharts.Build(model);
        var images = ReportChartImages.For(model);

        Assert.Equal(charts.Select(c => c.Id), images.Select(i => i.Id));
        Assert.Same(images, ReportChartImages.For(model));
        foreach (var (chart, image) in charts.Zip(images))
        {
            var document = XDocument.Parse(image.Svg);
            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal(ns + "svg", document.Root!.Name);
            Assert.DoesNotContain("<b>", image.Svg, StringComparison.Ordinal);
            Assert.Empty(ChartRenderer.MissingText(image.Svg, ChartText.Labels(chart)));
            Assert.True(image.Png.Length > 1000);
            if (chart.Id is "finish-reasons" or "trigger-metrics" or "latency-cdf" or "error-categories")
            {
                Assert.Contains(label, ChartText.Labels(chart));
            }
        }
    }
}
