using System.Globalization;
using System.Text;
using K2Verifier.Reports.Model;

namespace K2Verifier.Reports.Html;

/// <summary>The HTML page's "Validator-sensitive calls" section, when a run was cross-checked (<c>score --cross-check</c>).</summary>
internal static class ValidatorSensitiveSection
{
    public static void Html(StringBuilder html, ReportModel model, Func<string, string> e)
    {
        if (!ValidatorSensitiveRows.Any(model))
        {
            return;
        }

        html.Append("<section id=\"validator-sensitive\">\n<h2>Validator-sensitive calls</h2>\n<p class=\"note\">").Append(e(ValidatorSensitiveRows.Intro(model))).Append("</p>\n");
        var rows = ValidatorSensitiveRows.Of(model).ToList();
        if (rows.Count == 0)
        {
            html.Append("</section>\n");
            return;
        }

        html.Append("<div class=\"table-wrap\">\n<table>\n<thead><tr><th>run</th><th class=\"num\">data_index</th><th class=\"num\">call</th><th>tool</th><th>reason</th><th>python</th><th>spec</th><th>detail</th></tr></thead>\n<tbody>\n");
        foreach (var (run, call) in rows)
        {
            html.Append("<tr><td>").Append(e(run)).Append("</td><td class=\"num\">").Append(call.DataIndex.ToString(CultureInfo.InvariantCulture))
                .Append("</td><td class=\"num\">").Append(call.CallIndex.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(e(call.ToolName ?? "?"))
                .Append("</td><td><code>").Append(e(call.Reason)).Append("</code></td><td>").Append(e(call.Python)).Append("</td><td>").Append(e(call.Spec))
                .Append("</td><td class=\"answer\">").Append(e(call.Detail)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</div>\n</section>\n");
    }
}
