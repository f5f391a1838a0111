using System.Globalization;
using System.Xml.Linq;

namespace K2Verifier.Charts.Tests;

public sealed class ChartRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Render_BarChart_SvgHasEveryLabelAndPngBeside(bool stacked, bool horizontal)
    {
        var chart = Bars() with { Stacked = stacked, Horizontal = horizontal, ReferenceLines = [new ReferenceLine(0.8, "acceptance 0.80")] };

        var image = ChartRenderer.Render(chart);

        var document = XDocument.Parse(image.Svg);
        Assert.Equal(Svg + "svg", document.Root!.Name);
        Assert.Equal("800", (string?)document.Root.Attribute("width"));
        Assert.Equal($"0 0 800 {image.Height}", (string?)document.Root.Attribute("viewBox"));
        Assert.Empty(ChartRenderer.MissingText(image.Svg, ChartText.Labels(chart)));
        Assert.Contains("acceptance 0.80", ChartText.Labels(chart));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, image.Png[..4].ToArray());
    }

    [Fact]
    public void Render_HostileLabels_AreEscapedText()
    {
        const string label = "</text><script>alert(1)</script>&amp;";
        var chart = Bars() with { Title = label, Categories = [label, "b", "c"] };

        var svg = ChartRenderer.Render(chart).Svg;
        var document = XDocument.Parse(svg);

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Empty(document.Descendants(Svg + "script"));
        Assert.Contains(document.Descendants(Svg + "text"), t => t.Value.Trim() == label);
        Assert.Equal(label, document.Root!.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Render_TwoCharts_ShareNoElementId()
    {
        var first = XDocument.Parse(ChartRenderer.Render(Bars()).Svg);
        var second = XDocument.Parse(ChartRenderer.Render(Bars() with { Id = "other" }).Svg);

        var ids = first.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.StartsWith("bars-", id, StringComparison.Ordinal));
        Assert.Empty(ids.Intersect(second.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>()));
        Assert.DoesNotContain("url(#cl", first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LongSubtitle_IsWrappedIntoLinesThatAllShow()
    {
        var subtitle = "Whiskers: 95% bootstrap intervals; dashed: K2VV acceptance F1 ≥ 0.80; no F1 (undefined) for: " + string.Join(", ", Enumerable.Range(1, 12).Select(i => $"category-{i}"));
        var chart = Bars() with { Subtitle = subtitle };

        var lines = ChartText.SubtitleLines(chart);
        var image = ChartRenderer.Render(chart);

        Assert.True(lines.Count > 1);
        Assert.Equal(subtitle, string.Join(' ', lines));
        Assert.Empty(ChartRenderer.MissingText(image.Svg, lines));
    }

    [Fact]
    public void Render_ManyRuns_KeepsEveryCategoryLabelAndTurnsThem()
    {
        var runs = Enumerable.Range(1, 30).Select(i => $"vendor-{i:00} nightly").ToList();
        var chart = new BarChart
        {
            Id = "many",
            Title = "many runs",
            ValueLabel = "score",
            Categories = runs,
            Series = [new BarSeries("F1", [.. runs.Select((_, i) => (double?)(i / 30.0))])],
        };

        var image = ChartRenderer.Render(chart);

        Assert.Empty(ChartRenderer.MissingText(image.Svg, runs));
        Assert.Contains("matrix(0.707107 -0.707107", image.Svg, StringComparison.Ordinal);
        Assert.True(image.Height > ChartRenderer.Render(chart with { Categories = ["a"], Series = [new BarSeries("F1", [0.5])] }).Height);
    }

    [Fact]
    public void Render_HorizontalBars_GrowWithTheirRows()
    {
        var few = ChartRenderer.Render(Bars() with { Horizontal = true });
        var categories = Enumerable.Range(1, 40).Select(i => $"category {i}").ToList();
        var many = ChartRenderer.Render(Bars() with { Horizontal = true, Categories = categories });

        Assert.True(many.Height > few.Height * 2);
    }

    [Fact]
    public void Render_LineChart_LogAxisStepsAndLegend()
    {
        var chart = new LineChart
        {
            Id = "cdf",
            Title = "CDF",
            ValueLabel = "share",
            ValueFormat = "0%",
            XLabel = "duration_ms",
            LogX = true,
            Step = true,
            Series = [new LineSeries("a", [new ChartPoint(10, 0.5), new ChartPoint(1000, 1)]), new LineSeries("b & c", [new ChartPoint(20, 1)])],
        };

        var svg = ChartRenderer.Render(chart).Svg;

        Assert.Empty(ChartRenderer.MissingText(svg, ["duration_ms (log scale)", "a", "b & c", "10", "100", "1000", "50%"]));
    }

    [Fact]
    public void Render_TrendWithLabels_UsesThemOnTheXAxis()
    {
        var chart = new LineChart
        {
            Id = "trend",
            Title = "trend",
            ValueLabel = "score",
            XLabel = "run",
            XLabels = ["2025-11-01", "2025-11-02"],
            Markers = true,
            Series = [new LineSeries("f1", [new ChartPoint(0, 0.8), new ChartPoint(1, 0.9)]), new LineSeries("empty", [])],
        };

        var svg = ChartRenderer.Render(chart).Svg;

        Assert.Empty(ChartRenderer.MissingText(svg, ["2025-11-01", "2025-11-02", "f1", "run", "score"]));
        Assert.DoesNotContain("empty", ChartText.Labels(chart));
    }

    [Fact]
    public void Render_UnderGermanCulture_WritesInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var svg = ChartRenderer.Render(Bars() with { ValueFormat = "0.0" }).Svg;

            Assert.Empty(ChartRenderer.MissingText(svg, ["0.2", "0.4"]));
            Assert.NotEmpty(ChartRenderer.MissingText(svg, ["0,2"]));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void MissingText_NamesALabelThatIsNotDrawn()
    {
        var svg = ChartRenderer.Render(Bars()).Svg;

        Assert.Equal(["not drawn"], ChartRenderer.MissingText(svg, ["bars", "not drawn"]));
    }

    [Fact]
    public void Palette_IsOkabeIto()
    {
        Assert.Equal(["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"], Palette.OkabeIto);
        Assert.Equal(Palette.OkabeIto[0], Palette.At(8));
    }

    private static BarChart Bars() => new()
    {
        Id = "bars",
        Title = "bars",
        ValueLabel = "value",
        Categories = ["a", "b", "c"],
        Series =
        [
            new BarSeries("one", [0.6, 0.2, null], [new ErrorBar(0.5, 0.7), null, null]),
            new BarSeries("two", [0.3, 0.1, 0.4]),
        ],
    };
}
