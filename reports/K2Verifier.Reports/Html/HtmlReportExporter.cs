using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using K2Verifier.Reports.Charts;
using K2Verifier.Reports.Formatting;
using K2Verifier.Reports.Model;

namespace K2Verifier.Reports.Html;

/// <summary>
/// index.html: one self-contained page (inline CSS, inline SVG charts, a small inline script, data as JSON; nothing
/// fetched, enforced by a Content-Security-Policy). Every text that came from a response is escaped on the way in and
/// set with <c>textContent</c> in the page, so a model answer can never run as markup.
/// </summary>
public sealed class HtmlReportExporter : IReportExporter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly (string Key, string Title, bool Numeric)[] Columns =
    [
        ("run", "run", false), ("index", "data_index", true), ("category", "category", false), ("status", "status", false),
        ("finish", "finish_reason", false), ("baseline", "baseline", false), ("outcome", "outcome", false), ("verdict", "verdict", false),
        ("error", "error", false), ("path", "error path", false), ("answer", "answer / reason", false), ("duration", "duration_ms", true),
        ("attempts", "attempts", true), ("wire", "wire findings", false),
    ];

    public string Name => "html";

    public async Task<IReadOnlyList<ReportArtifact>> ExportAsync(ReportModel model, string outputDirectory, CancellationToken cancellationToken = default) =>
        [await ReportFiles.WriteAsync(outputDirectory, "index.html", ToHtml(model), "self-contained HTML report", cancellationToken).ConfigureAwait(false)];

    /// <summary>The page's text.</summary>
    public static string ToHtml(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<title>").Append(E(model.Title)).Append("</title>\n<style>\n").Append(HtmlAssets.Css).Append("</style>\n</head>\n<body>\n");
        html.Append("<header class=\"page\">\n<h1>").Append(E(model.Title)).Append("</h1>\n<p>").Append(E(Intro(model))).Append("</p>\n</header>\n<main>\n");
        Cards(html, model);
        Gates(html, model);
        Charts(html, model);
        WireSection.Html(html, model, E);
        ValidatorSensitiveSection.Html(html, model, E);
        Requests(html, model);
        html.Append("<footer class=\"note\"><p><strong>Legend.</strong> schema accuracy: valid tool-call responses / responses finishing with tool_calls. ")
            .Append("TP/FP/FN/TN: both / only this run / only the baseline / neither finished with tool_calls; precision = TP/(TP+FP), recall = TP/(TP+FN), F1 their harmonic mean. ")
            .Append("(a–b): 95% interval (bootstrap for F1, Wilson for proportions). Latency includes retries; TTFT is the time to the first token of a stream.</p></footer>\n");
        html.Append("</main>\n<script type=\"application/json\" id=\"report-data\">").Append(HtmlReportData.ToJson(model)).Append("</script>\n");
        html.Append("<script>\n").Append(HtmlAssets.Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Intro(ReportModel model) => string.Join(" · ", ReportIntro.Parts(model, baseline => $"baseline {baseline}").Select(p => p.Text));

    private static void Cards(StringBuilder html, ReportModel model)
    {
        html.Append("<section id=\"runs\">\n<h2>Runs</h2>\n<div class=\"cards\">\n");
        foreach (var run in model.Runs)
        {
            var s = run.Summary;
            var cardClass = run.Gates.Count == 0 ? "card" : run.Gates.All(g => g.Passed) ? "card pass" : "card fail";
            html.Append("<article class=\"").Append(cardClass).Append("\" data-run=\"").Append(E(run.Label)).Append("\">\n<h3>").Append(E(run.Label)).Append("</h3>\n");
            html.Append("<p class=\"source\">").Append(E(run.Source)).Append(s.Run.Endpoint is { } endpoint ? " · " + E(endpoint) : string.Empty).Append("</p>\n");
            html.Append("<div class=\"headline\">");
            Headline(html, "schema accuracy", Display.Percent(s.SchemaAccuracy), "schema-accuracy");
            if (s.Tp is not null)
            {
                Headline(html, "trigger F1", Display.Percent(s.ToolCallF1), "tool-call-f1");
            }

            Headline(html, "succeeded", s.TotalRows == 0 ? Display.None : Display.Percent((double)s.SuccessCount / s.TotalRows), "success-rate");
            if (run.Gates.Count > 0)
            {
                var failed = run.Gates.Count(g => !g.Passed);
                html.Append("<div><span class=\"badge ").Append(failed == 0 ? "pass" : "fail").Append("\">")
                    .Append(failed == 0 ? "gates passed" : $"{Display.Count(failed)} gate{(failed == 1 ? "" : "s")} failed").Append("</span></div>");
            }

            html.Append("</div>\n<dl>\n");
            foreach (var (name, value) in KeyFigures.Of(s))
            {
                html.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");
            }

            html.Append("</dl>\n</article>\n");
        }

        html.Append("</div>\n</section>\n");
    }

    private static void Headline(StringBuilder html, string label, string value, string key) =>
        html.Append("<div data-figure=\"").Append(key).Append("\"><span class=\"value\">").Append(E(value)).Append("</span><span class=\"label\">").Append(E(label)).Append("</span></div>");

    private static void Gates(StringBuilder html, ReportModel model)
    {
        if (!model.HasGates)
        {
            return;
        }

        html.Append("<section id=\"gates\">\n<h2>Gates</h2>\n");
        if (model.AggregateGates is { } aggregate)
        {
            html.Append("<p>The rows for the ").Append(E(aggregate.Label)).Append(" decide the exit code; each run's own verdicts follow.</p>\n");
        }

        html.Append("<table>\n<thead><tr><th>run</th><th>gate</th><th>result</th><th class=\"num\">actual</th><th>note</th></tr></thead>\n<tbody>\n");
        foreach (var (run, gate) in model.GateRows)
        {
            html.Append("<tr><td>").Append(E(run)).Append("</td><td><code>").Append(E(gate.Gate.Text)).Append("</code></td><td><span class=\"badge ")
                .Append(gate.Passed ? "pass\">pass" : "fail\">FAIL").Append("</span></td><td class=\"num\">").Append(E(Display.GateValue(gate.Actual)))
                .Append("</td><td>").Append(E(gate.Note ?? string.Empty)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Charts(StringBuilder html, ReportModel model)
    {
        html.Append("<section id=\"charts\">\n<h2>Charts</h2>\n<div class=\"charts\">\n");
        foreach (var chart in ReportChartImages.For(model).Where(c => c.Id != "wire-findings"))
        {
            html.Append("<figure id=\"chart-").Append(chart.Id).Append("\">\n").Append(chart.Svg).Append("\n</figure>\n");
        }

        html.Append("</div>\n</section>\n");
    }

    private static void Requests(StringBuilder html, ReportModel model)
    {
        var problems = model.ProblemRows;
        html.Append("<section id=\"requests\">\n<h2>Requests to look at</h2>\n<p class=\"note\">")
            .Append(E($"Requests that failed, whose tool calls are invalid, whose finish_reason differs from the baseline, or with a wire error: {Display.Count(problems)}. "))
            .Append(E(model.DetailedRows < problems
                ? $"Request and response are embedded for the first {Display.Count(model.DetailedRows)} of them (to keep the page small); the others are in the results files."
                : "Click a row to see its request and raw response."))
            .Append("</p>\n<div class=\"controls\">\n")
            .Append("<label>search<input type=\"search\" id=\"filter-text\" placeholder=\"data_index, error, answer text…\"></label>\n")
            .Append("<label>run<select id=\"filter-run\"><option value=\"\">all runs</option></select></label>\n")
            .Append("<label>problem<select id=\"filter-kind\"><option value=\"\">all problems</option><option value=\"failed\">failed</option><option value=\"invalid\">invalid tool calls</option><option value=\"differs\">differs from baseline</option><option value=\"wire\">wire errors</option></select></label>\n")
            .Append("<label>category<select id=\"filter-category\"><option value=\"\">all categories</option></select></label>\n")
            .Append("</div>\n<p id=\"request-count\"></p>\n<div class=\"table-wrap\">\n<table id=\"requests-table\">\n<thead><tr>");
        foreach (var (key, title, numeric) in Columns)
        {
            html.Append("<th data-key=\"").Append(key).Append('"').Append(numeric ? " class=\"num\"" : string.Empty).Append(" aria-sort=\"none\"><button type=\"button\">")
                .Append(E(title).Replace("_", "_<wbr>", StringComparison.Ordinal)).Append("</button></th>");
        }

        html.Append("</tr></thead>\n<tbody></tbody>\n</table>\n</div>\n")
            .Append("<div id=\"detail\" class=\"detail\" hidden>\n<h3 id=\"detail-title\"></h3>\n<p id=\"detail-facts\" class=\"note\"></p>\n<ul id=\"detail-checks\"></ul>\n")
            .Append("<p id=\"detail-truncated\" class=\"note\" hidden>Long texts are cut in this page; the results file has them whole.</p>\n")
            .Append("<div class=\"panes\">\n<div><strong>request</strong><pre id=\"detail-request\"></pre></div>\n<div><strong>response (as recorded)</strong><pre id=\"detail-response\"></pre></div>\n</div>\n</div>\n</section>\n");
    }

    private static string E(string text) => Encoder.Encode(text);
}
