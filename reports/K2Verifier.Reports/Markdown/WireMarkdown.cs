using System.Globalization;
using System.Text;
using K2Verifier.Reports.Formatting;
using K2Verifier.Reports.Model;
using K2Verifier.Wire;

namespace K2Verifier.Reports.Markdown;

/// <summary>summary.md's "Wire conformance" section: findings per code and run, and example requests per code.</summary>
internal static class WireMarkdown
{
    public static void Section(StringBuilder md, ReportModel model)
    {
        md.Append("## Wire conformance\n\n");
        var codes = model.WireCodes;
        if (codes.Count == 0)
        {
            md.Append("No wire findings.\n\n");
            return;
        }

        var totals = new (string Name, Func<WireSummary, int> Value)[]
        {
            ("**errors**", w => w.Errors), ("**warnings**", w => w.Warnings), ("rows with findings", w => w.RowsWithFindings),
        };
        var rows = codes.Select(c => (IReadOnlyList<string>)[MarkdownText.Code(c), WireCodes.Find(c)?.Severity ?? string.Empty, .. model.Runs.Select(r => Display.Count(r.Summary.Wire.Codes.GetValueOrDefault(c)))])
            .Concat(totals.Select(t => (IReadOnlyList<string>)[t.Name, string.Empty, .. model.Runs.Select(r => Display.Count(t.Value(r.Summary.Wire)))]));
        MarkdownText.MarkdownTable(md, ["code", "severity", .. model.Runs.Select(r => r.Label)], rows, 2);
        md.Append("Examples (data_index, where, excerpt):\n\n");
        foreach (var code in codes)
        {
            var examples = model.Runs.SelectMany(run => WireExamples.Of(run, code).Select(x => Example(model, run, x.Row, x.Finding))).ToList();
            md.Append("- ").Append(MarkdownText.Code(code)).Append(": ").Append(string.Join("; ", examples)).Append('\n');
        }

        md.Append('\n');
    }

    private static string Example(ReportModel model, ReportRun run, ReportRow row, WireFinding finding)
    {
        var index = row.DataIndex.ToString(CultureInfo.InvariantCulture);
        var label = model.Runs.Count > 1 ? $"{run.Label} #{index}" : $"#{index}";
        return $"{MarkdownText.Cell(label)} {MarkdownText.Cell(WireExamples.Evidence(finding))}";
    }
}
