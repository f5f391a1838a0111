using System.Text;
using K2Verifier.Dataset;

namespace K2Verifier.Datasets.Lint;

/// <summary>
/// Lints a K2VV-format dataset (JSONL, one chat-completion request per line): each line must be a JSON object that
/// <see cref="DatasetReader"/> accepts, with known roles, well-formed content, tools whose <c>parameters</c> are valid
/// JSON Schemas (the project's validator), a coherent <c>tool_choice</c>, and tool messages that answer an earlier
/// call. Non-canonical tool-call ids are warnings. Counts what it sees for the printed summary.
/// </summary>
public static class DatasetLinter
{
    /// <summary>Lints <paramref name="path"/>; never throws for bad content (only for an unreadable file).</summary>
    public static async Task<LintReport> LintAsync(string path, CancellationToken cancellationToken = default)
    {
        var report = new LintReport(path);
        var linter = new RequestLinter(report);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                report.BlankLines++;
                continue;
            }

            report.Requests++;
            var record = DatasetReader.Parse(new SourceLocation(path, lineNumber), line);
            if (record.Body is null)
            {
                report.Add(new LintIssue(record.Location, LintSeverity.Error, record.Problem!));
                continue;
            }

            linter.Lint(record.Location, record.Body);
        }

        return report;
    }
}
