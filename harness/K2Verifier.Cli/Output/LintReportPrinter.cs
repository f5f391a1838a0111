using System.Globalization;
using K2Verifier.Datasets.Lint;

namespace K2Verifier.Cli.Output;

/// <summary>Prints a <see cref="LintReport"/>: counts on stdout, <c>file:line: severity: problem</c> lines on stderr.</summary>
internal static class LintReportPrinter
{
    public static void Print(LintReport report, CliConsole console, int maxIssuesPerSeverity)
    {
        var o = console.Out;
        o.WriteLine(Invariant($"{report.Path}: {report.Requests} requests ({report.BlankLines} blank lines skipped)"));
        o.WriteLine(Invariant($"  with tools:        {report.WithTools} ({report.ToolDeclarations} tool declarations)"));
        o.WriteLine(Invariant($"  streams:           {report.Streams}"));
        o.WriteLine(Invariant($"  tool_choice:       {Join(report.ToolChoices)}"));
        o.WriteLine(Invariant($"  messages:          {report.Messages} ({Join(report.Roles)})"));
        o.WriteLine(Invariant($"  content:           {report.ListContentMessages} list-of-parts, {report.EmptyContentMessages} empty, {report.ReasoningMessages} with reasoning_content"));
        o.WriteLine(Invariant($"  tool calls:        {report.ToolCalls} ({report.CanonicalIds} functions.NAME:IDX, {report.OtherIds} other ids), {report.ToolAnswers} tool answers"));
        foreach (var severity in new[] { LintSeverity.Error, LintSeverity.Warning })
        {
            var issues = report.Issues.Where(i => i.Severity == severity).ToList();
            foreach (var issue in issues.Take(maxIssuesPerSeverity))
            {
                console.Error.WriteLine(issue.ToString());
            }

            if (issues.Count > maxIssuesPerSeverity)
            {
                console.Error.WriteLine(Invariant($"… and {issues.Count - maxIssuesPerSeverity} more {(severity == LintSeverity.Error ? "errors" : "warnings")}"));
            }
        }

        o.WriteLine(Invariant($"{report.ErrorCount} errors, {report.WarningCount} warnings: {(report.ErrorCount > 0 ? "FAILED" : "ok")}"));
    }

    private static string Join(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => Invariant($"{c.Key} {c.Value}")));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
