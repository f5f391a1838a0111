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
                '|' => "\\|",
                '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '~' => "\\" + c,
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }

    /// <summary>A code span for a table cell (HTML is inert inside it; backticks and pipes cannot break it).</summary>
    public static string Code(string text) => "`" + text.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal) + "`";

    /// <summary>A table of plain text: every cell is escaped with <see cref="Cell"/>.</summary>
    public static void Table(StringBuilder output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, int leftColumns = 1) =>
        MarkdownTable(output, header, rows.Select(r => (IReadOnlyList<string>)[.. r.Select(Cell)]), leftColumns);

    /// <summary>
    /// A table whose cells are Markdown already (made with <see cref="Cell"/> or <see cref="Code"/>): header, alignment row
    /// (the first <paramref name="leftColumns"/> columns left, the rest right), rows.
    /// </summary>
    public static void MarkdownTable(StringBuilder output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, int leftColumns = 1)
    {
        output.Append("| ").AppendJoin(" | ", header.Select(Cell)).Append(" |\n");
        output.Append('|').AppendJoin('|', header.Select((_, i) => i < leftColumns ? " --- " : " ---: ")).Append("|\n");
        foreach (var row in rows)
        {
            output.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        output.Append('\n');
    }
}
