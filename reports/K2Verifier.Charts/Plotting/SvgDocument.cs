using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace K2Verifier.Charts.Plotting;

/// <summary>
/// Makes ScottPlot's SVG fit to inline in an HTML page beside other charts: no XML declaration, every element id (clip
/// paths) prefixed with the chart's id so that two charts never share one, a view box so the page can scale it, and a
/// <c>title</c> as the accessible name.
/// </summary>
internal static partial class SvgDocument
{
    public static string Finish(string svg, ChartSpec chart, int height)
    {
        var body = Declaration().Replace(svg, string.Empty, 1).TrimStart();
        body = Ids().Replace(body, m => $"{m.Groups[1].Value}\"{chart.Id}-{m.Groups[2].Value}");
        body = References().Replace(body, m => $"{m.Groups[1].Value}#{chart.Id}-");
        var open = body.IndexOf('>', StringComparison.Ordinal);
        var title = string.Create(CultureInfo.InvariantCulture, $"<title id=\"{chart.Id}-title\">{WebUtility.HtmlEncode(chart.Title)}</title>");
        var attributes = string.Create(CultureInfo.InvariantCulture, $" viewBox=\"0 0 {ChartRenderer.Width} {height}\" role=\"img\" aria-labelledby=\"{chart.Id}-title\" class=\"chart\"");
        return string.Concat(body[..open], attributes, ">", title, body[(open + 1)..]);
    }

    [GeneratedRegex(@"^\s*<\?xml[^>]*\?>")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"(\sid=)""([^""]+)")]
    private static partial Regex Ids();

    [GeneratedRegex(@"(url\(|href="")#")]
    private static partial Regex References();
}
