using System.Text;

namespace K2Verifier.Reports.Markdown;

/// <summary>Escaping for Markdown table cells (GitHub flavour): HTML is neutralised, pipes and emphasis characters escaped.</summary>
internal static class MarkdownText
{
    public static string Cell(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '|' => "\\|",
                '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '~' => "\\" + c,
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }

    /// <summary>A table: header, alignment row (first column left, the rest right unless <paramref name="leftColumns"/>), rows.</summary>
    public static void Table(StringBuilder output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, int leftColumns = 1)
    {
        output.Append("| ").AppendJoin(" | ", header.Select(Cell)).Append(" |\n");
        output.Append('|').AppendJoin('|', header.Select((_, i) => i < leftColumns ? " --- " : " ---: ")).Append("|\n");
        foreach (var row in rows)
        {
            output.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        }

        output.Append('\n');
    }
}
