using System.Text.Json.Nodes;
using K2Verifier.Common;
using K2Verifier.Gates;
using K2Verifier.Metrics;
using K2Verifier.Reports.JUnit;
using K2Verifier.Reports.Model;
using K2Verifier.Results;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// The tail that run and score share once their journal is read and scored (once): the verdicts are recorded in the
/// summary and summary.json, the summary is printed (a table, or with <c>--json</c> one JSON document holding the
/// summary, its gates and the verdict), then JUnit and the report are written from the same scored journal, and the
/// exit code is decided. Compare hands its comparison to <see cref="Document"/> and <see cref="GateReport"/>.
/// </summary>
internal static class ResultsPipeline
{
    /// <summary>Runs the tail for <paramref name="summary"/> and returns the exit code of its gates.</summary>
    public static async Task<int> FinishAsync(CliConsole console, RunSummary summary, IReadOnlyList<GateResult> verdicts, IReadOnlyList<ReportInput> journals, ResultsExport export, CancellationToken cancellationToken)
    {
        var recorded = SummaryGates.Record(summary, verdicts);
        var messages = export.Json ? console.Error : console.Out;
        if (export.SummaryPath is { } summaryPath)
        {
            await RunSummaryWriter.WriteAsync(recorded, summaryPath, CancellationToken.None).ConfigureAwait(false);
            await messages.WriteLineAsync($"wrote {summaryPath}").ConfigureAwait(false);
        }

        if (export.PrintSummary && export.Json)
        {
            await console.Out.WriteAsync(RunSummaryWriter.ToJson(recorded)).ConfigureAwait(false);
        }
        else if (export.PrintSummary)
        {
            Output.SummaryPrinter.Print(recorded, console.Out);
        }

        if (export.Junit is { } junit)
        {
            var rows = journals.SelectMany(j => j.Journal is { } scored ? scored.Latest : []);
            await JUnitExporter.WriteAsync(junit, export.Title, verdicts, rows, CancellationToken.None).ConfigureAwait(false);
            await messages.WriteLineAsync($"wrote {junit}").ConfigureAwait(false);
        }

        if (export.ReportDirectory is { } directory)
        {
            await ReportWriter.WriteAsync(console, messages, journals, export.Report, directory, cancellationToken, export.Validator).ConfigureAwait(false);
            if (summary.Suites is { } suites)
            {
                await SuiteReportInputs.AddSectionAsync(messages, suites, directory, cancellationToken).ConfigureAwait(false);
            }
        }

        var code = GateReport.Finish(verdicts, messages, console.Error);
        return recorded.Run.Complete == false ? Math.Max(code, (int)ExitCode.InfrastructureError) : code;
    }

    /// <summary><paramref name="body"/> as a JSON object with <c>gates</c> and <c>verdict</c> added: compare's <c>--json</c> document.</summary>
    public static JsonObject Document(JsonObject body, IReadOnlyList<GateResult> verdicts)
    {
        ArgumentNullException.ThrowIfNull(body);
        body["gates"] = System.Text.Json.JsonSerializer.SerializeToNode(verdicts.Select(GateRecord.From).ToList(), Output.ComparisonJsonContext.Printed.ListGateRecord);
        body["verdict"] = GateVerdicts.Of(verdicts);
        return body;
    }
}

/// <summary>What <see cref="ResultsPipeline.FinishAsync"/> writes.</summary>
internal sealed record ResultsExport
{
    /// <summary>The JUnit testsuites' name, e.g. <c>k2verifier score results.jsonl</c>.</summary>
    public required string Title { get; init; }

    /// <summary>Where summary.json (with the verdicts) goes; null writes none.</summary>
    public string? SummaryPath { get; init; }

    /// <summary>Stdout holds one JSON document (the summary's, when <see cref="PrintSummary"/>); messages go to stderr.</summary>
    public bool Json { get; init; }

    /// <summary>Print the summary: the table, or the JSON document with <see cref="Json"/> (false when the command printed it already).</summary>
    public bool PrintSummary { get; init; } = true;

    /// <summary>The JUnit XML file, when asked for.</summary>
    public string? Junit { get; init; }

    /// <summary>The report folder, when asked for.</summary>
    public string? ReportDirectory { get; init; }

    /// <summary>The report's options.</summary>
    public ReportOptions Report { get; init; } = new();

    /// <summary>The validator the report re-judges with (<c>--validator</c>); null for the default.</summary>
    public Validation.IJsonSchemaValidator? Validator { get; init; }
}
