using System.Globalization;
using System.Text;
using K2Verifier.Reports.Model;

namespace K2Verifier.Reports.Markdown;

/// <summary>summary.md's "Validator-sensitive calls" section, when a run was cross-checked (<c>score --cross-check</c>).</summary>
internal static class ValidatorSensitiveMarkdown
{
    private const int DetailChars = 160;

    public static void Section(StringBuilder md, ReportModel model)
    {
        if (!ValidatorSensitiveRows.Any(model))
        {
            return;
        }

        md.Append("## Validator-sensitive calls\n\n").Append(ValidatorSensitiveRows.Intro(model)).Append("\n\n");
        var rows = ValidatorSensitiveRows.Of(model).Select(x => (IReadOnlyList<string>)
        [
            MarkdownText.Cell(x.Run), x.Call.DataIndex.ToString(CultureInfo.InvariantCulture), x.Call.CallIndex.ToString(CultureInfo.InvariantCulture),
            MarkdownText.Cell(x.Call.ToolName ?? "?"), MarkdownText.Code(x.Call.Reason), MarkdownText.Code(x.Call.Python), MarkdownText.Code(x.Call.Spec),
            x.Call.Detail.Length == 0 ? string.Empty : MarkdownText.Code(Cut(x.Call.Detail)),
        ]).ToList();
        if (rows.Count > 0)
        {
            MarkdownText.MarkdownTable(md, ["run", "data_index", "call", "tool", "reason", "python", "spec", "detail"], rows, 8);
        }
    }

    private static string Cut(string text) => text.Length <= DetailChars ? text : string.Concat(text.AsSpan(0, DetailChars - 1), "…");
}
