using System.Globalization;
using System.Xml.Linq;
using K2Verifier.Charts;

namespace K2Verifier.Charts.Tests;

public sealed class SvgChartRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Render_BarChart_IsWellFormedWithOneRectPerValue(bool stacked, bool horizontal)
    {
        var chart = Bars() with { Stacked = stacked, Horizontal = horizontal };

        var document = XDocument.Parse(SvgChartRenderer.Render(chart));

        Assert.Equal(Svg + "svg", document.Root!.Name);
        Assert.Equal(5, document.Descendants(Svg + "rect").Count(r => (string?)r.Attribute("class") == "bar"));
        Assert.Equal("800", (string?)document.Root.Attribute("width"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Render_AxisNotStartingAtZero_BarLengthsFollowTheValues(bool stacked)
    {
        var chart = new BarChart
        {
            Id = "acc",
            Title = "accuracy",
            ValueLabel = "schema accuracy",
            Categories = ["run", "published"],
            Series = [new BarSeries("run", [0.75, null]), new BarSeries("published", [null, 1.0])],
            Stacked = stacked,
            Horizontal = true,
            ValueMin = 0.5,
            ValueMax = 1,
        };

        var widths = XDocument.Parse(SvgChartRenderer.Render(chart)).Descendants(Svg + "rect")
            .Where(r => (string?)r.Attribute("class") == "bar")
            .Select(r => double.Parse((string)r.Attribute("width")!, CultureInfo.InvariantCulture))
            .ToList();

        Assert.Equal(2, widths.Count);
        Assert.Equal(0.5, widths[0] / widths[1], 2);
    }

    [Fact]
    public void Render_HostileLabels_AreEscapedText()
    {
        const string label = "</text><script>alert(1)</script>&amp;";
        var chart = Bars() with { Title = label, Categories = [label, "b", "c"] };

        var svg = SvgChartRenderer.Render(chart);
        var document = XDocument.Parse(svg);

        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Empty(document.Descendants(Svg + "script"));
        Assert.Contains(document.Descendants(Svg + "text"), t => t.Value == label);
        Assert.Equal(label, document.Root!.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Render_UnderGermanCulture_WritesInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var svg = SvgChartRenderer.Render(Bars());

            Assert.DoesNotMatch("(x|y|width|height)=\"[0-9]+,[0-9]", svg);
            Assert.Contains(">0.2<", svg, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Render_ReferenceLineAndWhiskers_AreDrawn()
    {
        var chart = Bars() with { ReferenceLines = [new ReferenceLine(0.8, "acceptance 0.80")] };

        var document = XDocument.Parse(SvgChartRenderer.Render(chart));

        Assert.Contains(document.Descendants(Svg + "line"), l => (string?)l.Attribute("stroke-dasharray") == "6 4");
        Assert.Contains(document.Descendants(Svg + "text"), t => t.Value == "acceptance 0.80");
        Assert.Contains(document.Descendants(Svg + "title"), t => t.Value.Contains("95% interval 0.5 to 0.7", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_LineChart_LogAxisStepsAndLegend()
    {
        var chart = new LineChart
        {
            Id = "cdf",
            Title = "CDF",
            ValueLabel = "share",
            XLabel = "duration_ms",
            LogX = true,
            Step = true,
            Series = [new LineSeries("a", [new ChartPoint(10, 0.5), new ChartPoint(1000, 1)]), new LineSeries("b & c", [new ChartPoint(20, 1)])],
        };

        var document = XDocument.Parse(SvgChartRenderer.Render(chart));

        var lines = document.Descendants(Svg + "polyline").ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(3, ((string)lines[0].Attribute("points")!).Split(' ').Length);
        Assert.Contains(document.Descendants(Svg + "text"), t => t.Value == "b & c");
        Assert.Contains(document.Descendants(Svg + "text"), t => t.Value == "duration_ms (log scale)");
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
            Series = [new LineSeries("f1", [new ChartPoint(0, 0.8), new ChartPoint(1, 0.9)])],
        };

        var document = XDocument.Parse(SvgChartRenderer.Render(chart));

        Assert.Contains(document.Descendants(Svg + "text"), t => t.Value == "2025-11-02");
        Assert.Equal(2, document.Descendants(Svg + "circle").Count());
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
