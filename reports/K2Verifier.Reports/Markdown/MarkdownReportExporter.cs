using System.Text;
using K2Verifier.Reports.Charts;
using K2Verifier.Reports.Formatting;
using K2Verifier.Reports.Model;

namespace K2Verifier.Reports.Markdown;

/// <summary>
/// summary.md: the key figures per run, gates, error categories, categories and the published providers, with a legend;
/// numbers rounded for reading, for CI job summaries and pull-request comments.
/// </summary>
public sealed class MarkdownReportExporter : IReportExporter
{
    public string Name => "markdown";

    public async Task<IReadOnlyList<ReportArtifact>> ExportAsync(ReportModel model, string outputDirectory, CancellationToken cancellationToken = default) =>
        [await ReportFiles.WriteAsync(outputDirectory, "summary.md", ToMarkdown(model), "Markdown summary for CI job summaries and pull requests", cancellationToken).ConfigureAwait(false)];

    /// <summary>The Markdown text.</summary>
    public static string ToMarkdown(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var md = new StringBuilder();
        md.Append("# ").Append(MarkdownText.Cell(model.Title)).Append("\n\n");
        Verdict(md, model);
        md.Append(Intro(model)).Append("\n\n");
        Gates(md, model);
        KeyFigureTable(md, model);
        Errors(md, model);
        WireMarkdown.Section(md, model);
        ValidatorSensitiveMarkdown.Section(md, model);
        ParseFindings(md, model);
        Categories(md, model);
        Published(md, model);
        Charts(md, model);
        Legend(md, model);
        return md.ToString();
    }

    /// <summary>The verdict first, as a CI job summary is read: pass, or how many gates failed or cannot be evaluated.</summary>
    private static void Verdict(StringBuilder md, ReportModel model)
    {
        if (!model.HasGates)
        {
            return;
        }

        var deciding = model.AggregateGates?.Results ?? [.. model.Runs.SelectMany(r => r.Gates)];
        var verdict = K2Verifier.Gates.GateVerdicts.Of(deciding);
        var failed = deciding.Count(g => g.Evaluable && !g.Passed);
        var unevaluable = deciding.Count(g => !g.Evaluable);
        md.Append(verdict switch
        {
            K2Verifier.Gates.GateVerdicts.Pass => $"**Verdict: ✅ pass** (all {Display.Count(deciding.Count)} gates passed)",
            K2Verifier.Gates.GateVerdicts.Fail => $"**Verdict: ❌ FAIL** ({Display.Count(failed)} of {Display.Count(deciding.Count)} gates failed)",
            _ => $"**Verdict: ⚠️ cannot evaluate** ({Display.Count(unevaluable)} of {Display.Count(deciding.Count)} gates cannot be evaluated)",
        }).Append("\n\n");
    }

    private static string Intro(ReportModel model) =>
        string.Join(" · ", ReportIntro.Parts(model, baseline => $"baseline `{baseline.Replace("`", "'", StringComparison.Ordinal)}`").Select(p => p.Escaped ? p.Text : MarkdownText.Cell(p.Text)));

    private static void KeyFigureTable(StringBuilder md, ReportModel model)
    {
        md.Append("## Key figures\n\n");
        var figures = model.Runs.Select(r => KeyFigures.Of(r.Summary).ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal)).ToList();
        var names = model.Runs.SelectMany(r => KeyFigures.Of(r.Summary).Select(f => f.Name)).Distinct(StringComparer.Ordinal);
        MarkdownText.Table(md, ["", .. model.Runs.Select(r => r.Label)], names.Select(name => (IReadOnlyList<string>)[name, .. figures.Select(f => f.GetValueOrDefault(name, Display.None))]));
    }

    private static void Gates(StringBuilder md, ReportModel model)
    {
        if (!model.HasGates)
        {
            return;
        }

        var failed = model.DecidingGateFailures;
        var scope = model.AggregateGates is { } aggregate ? $" (on the {aggregate.Label}, which decide the exit code)" : string.Empty;
        md.Append("## Gates\n\n").Append(failed == 0 ? $"All gates passed{scope}.\n\n" : $"**{Display.Count(failed)} failed{scope}.**\n\n");
        MarkdownText.MarkdownTable(md, ["run", "gate", "result", "actual"], model.GateRows.Select(row => (IReadOnlyList<string>)
            [MarkdownText.Cell(row.Run), MarkdownText.Code(row.Result.Gate.Text), row.Result.Verdict switch { "pass" => "✅ pass", "fail" => "❌ FAIL", _ => "⚠️ n/a" },
                MarkdownText.Cell(Display.GateValue(row.Result.Actual) + (row.Result.Note is null ? string.Empty : $" ({row.Result.Note})"))]), 3);
    }

    private static void Charts(StringBuilder md, ReportModel model)
    {
        var charts = ReportCharts.Build(model);
        if (charts.Count == 0)
        {
            return;
        }

        md.Append("## Charts\n\n");
        foreach (var chart in charts)
        {
            md.Append("![").Append(MarkdownText.Cell(chart.Title)).Append("](charts/").Append(chart.Id).Append(".png)\n\n");
        }
    }

    private static void Errors(StringBuilder md, ReportModel model)
    {
        var invalid = model.InvalidCallCategories;
        var failed = model.FailureCategories;
        if (invalid.Count + failed.Count == 0)
        {
            return;
        }

        md.Append("## Invalid tool calls and failed requests\n\n");
        var rows = invalid.Select(c => (IReadOnlyList<string>)[$"invalid call: {c}", .. model.Runs.Select(r => Display.Count(r.Summary.ErrorCategories.GetValueOrDefault(c)))])
            .Concat(failed.Select(c => (IReadOnlyList<string>)[$"failed request: {c}", .. model.Runs.Select(r => Display.Count(r.Summary.FailureCategories.GetValueOrDefault(c)))]));
        MarkdownText.Table(md, ["category", .. model.Runs.Select(r => r.Label)], rows);
    }

    private static void ParseFindings(StringBuilder md, ReportModel model)
    {
        if (model.Runs.All(r => r.Summary.Parse is null))
        {
            return;
        }

        md.Append("## Parse findings\n\n");
        string Cell(Func<K2Verifier.Metrics.ParseCounts, int> value, ReportRun run) => run.Summary.Parse is { } p ? Display.Count(value(p)) : Display.None;
        IReadOnlyList<string> Row(string name, Func<K2Verifier.Metrics.ParseCounts, int> value) => [name, .. model.Runs.Select(r => Cell(value, r))];
        MarkdownText.Table(md, ["parsed in process", .. model.Runs.Select(r => r.Label)],
        [
            Row("rows parsed", p => p.RowsParsed),
            Row("finish reason changed by the parse", p => p.FinishReasonChanged),
            Row("rows with an incomplete tool call", p => p.IncompleteToolCallRows),
            Row("incomplete tool calls", p => p.IncompleteToolCalls),
        ]);
    }

    private static void Categories(StringBuilder md, ReportModel model)
    {
        var categories = model.DatasetCategories;
        if (categories.Count == 0)
        {
            return;
        }

        md.Append("## Trigger F1 by category\n\n");
        MarkdownText.Table(md, ["category", "requests", .. model.Runs.Select(r => r.Label)], categories.Select(c => (IReadOnlyList<string>)
        [
            c,
            Display.Count(model.Runs.Select(r => r.Summary.Categories.GetValueOrDefault(c)?.Requests).Max()),
            .. model.Runs.Select(r => r.Summary.Categories.GetValueOrDefault(c) is { } m ? Display.FractionWithInterval(m.ToolCallF1, m.ToolCallF1Interval) : Display.None),
        ]));
    }

    private static void Published(StringBuilder md, ReportModel model)
    {
        if (model.PublishedVendors.Count == 0)
        {
            return;
        }

        var first = model.PublishedVendors[0];
        md.Append("<details><summary>Published K2VV providers (").Append(MarkdownText.Cell(first.Model)).Append(", tested ").Append(first.TestDate).Append(") beside these runs</summary>\n\n");
        var rows = model.Runs.Select(r => (Name: $"**{MarkdownText.Cell(r.Label)}** (this report)", Accuracy: r.Summary.SchemaAccuracy, F1: Display.Fraction(r.Summary.ToolCallF1)))
            .Concat(model.PublishedVendors.Select(v => (Name: MarkdownText.Cell(v.Provider), Accuracy: (double?)v.SchemaAccuracy, F1: v.ToolCallF1 is { } f1 ? Display.Fraction(f1) : MarkdownText.Cell(v.ToolCallF1Note ?? Display.None))))
            .OrderByDescending(r => r.Accuracy ?? -1)
            .ToList();
        md.Append("| provider | schema accuracy | trigger F1 |\n| --- | ---: | ---: |\n");
        foreach (var (name, accuracy, f1) in rows)
        {
            md.Append("| ").Append(name).Append(" | ").Append(Display.Percent(accuracy)).Append(" | ").Append(f1).Append(" |\n");
        }

        md.Append("\n</details>\n\n");
    }

    private static void Legend(StringBuilder md, ReportModel model)
    {
        md.Append("<sub>**Legend.** ");
        md.Append("schema accuracy: valid tool-call responses / responses finishing with `tool_calls`. ");
        md.Append("TP/FP/FN/TN: both / only this run / only the baseline / neither finished with `tool_calls`. ");
        md.Append("precision = TP/(TP+FP), recall = TP/(TP+FN), F1 their harmonic mean. ");
        md.Append("(a–b): 95% interval (bootstrap for F1, Wilson for proportions). ");
        md.Append("p50/p90/p99: latency percentiles incl. retries; TTFT: time to first token (streams). ");
        if (model.AcceptanceF1 is { } line)
        {
            md.Append("K2VV's acceptance line: F1 ≥ ").Append(Display.Fraction(line)).Append(". ");
        }

        md.Append("–: not defined here.</sub>\n");
    }
}
