using System.Globalization;
using System.Text;
using K2Verifier.Charts;
using K2Verifier.Reports.Charts;
using K2Verifier.Reports.Formatting;
using K2Verifier.Reports.Model;
using K2Verifier.Wire;

namespace K2Verifier.Reports.Html;

/// <summary>The HTML page's "Wire conformance" section: counts per code and run, the chart, and example requests linked to the requests table.</summary>
internal static class WireSection
{
    public static void Html(StringBuilder html, ReportModel model, Func<string, string> e)
    {
        html.Append("<section id=\"wire\">\n<h2>Wire conformance</h2>\n");
        var codes = model.WireCodes;
        if (codes.Count == 0)
        {
            html.Append("<p class=\"note\">No wire findings: every response was well-formed on the wire (docs/wire-conformance.md lists the checks).</p>\n</section>\n");
            return;
        }

        html.Append("<p class=\"note\">What the responses got wrong on the wire beyond finish_reason and schema, counted per finding; error breaks clients, warn is tolerated by the OpenAI SDKs. Click an example to see it in the requests table (rows with a wire error are listed there).</p>\n");
        html.Append("<table>\n<thead><tr><th>code</th><th>severity</th>");
        foreach (var run in model.Runs)
        {
            html.Append("<th class=\"num\">").Append(e(run.Label)).Append("</th>");
        }

        html.Append("<th>examples</th></tr></thead>\n<tbody>\n");
        foreach (var code in codes)
        {
            html.Append("<tr><td><code>").Append(e(code)).Append("</code></td><td>").Append(e(WireCodes.Find(code)?.Severity ?? string.Empty)).Append("</td>");
            foreach (var run in model.Runs)
            {
                html.Append("<td class=\"num\">").Append(e(Display.Count(run.Summary.Wire.Codes.GetValueOrDefault(code)))).Append("</td>");
            }

            html.Append("<td>");
            Examples(html, model, code, e);
            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (ReportChartImages.For(model).FirstOrDefault(c => c.Id == "wire-findings") is { } chart)
        {
            html.Append("<figure id=\"chart-").Append(chart.Id).Append("\">\n").Append(chart.Svg).Append("\n</figure>\n");
        }

        html.Append("</section>\n");
    }

    private static void Examples(StringBuilder html, ReportModel model, string code, Func<string, string> e)
    {
        var first = true;
        foreach (var run in model.Runs)
        {
            foreach (var (row, finding) in WireExamples.Of(run, code))
            {
                html.Append(first ? string.Empty : "<br>");
                first = false;
                var index = row.DataIndex.ToString(CultureInfo.InvariantCulture);
                var label = model.Runs.Count > 1 ? $"{run.Label} #{index}" : $"#{index}";
                if (row.IsProblem)
                {
                    html.Append("<a class=\"wire-example\" href=\"#requests\" data-run=\"").Append(e(run.Label)).Append("\" data-index=\"").Append(index).Append("\">").Append(e(label)).Append("</a>");
                }
                else
                {
                    html.Append(e(label));
                }

                html.Append(' ').Append(e(WireExamples.Evidence(finding)));
            }
        }
    }
}
