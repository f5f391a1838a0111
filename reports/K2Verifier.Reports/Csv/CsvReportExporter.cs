using K2Verifier.Metrics;
using K2Verifier.Reports.Model;

namespace K2Verifier.Reports.Csv;

/// <summary>
/// requests.csv, summary.csv, categories.csv and vendors.csv: raw numbers, units in the headers, stable column order,
/// rows by run (in report order) then data_index.
/// </summary>
public sealed class CsvReportExporter : IReportExporter
{
    private static readonly string[] RequestColumns =
    [
        "run", "data_index", "category", "status", "finish_reason", "baseline_finish_reason", "outcome", "verdict",
        "error_category", "error_path", "attempts", "duration_ms", "ttft_ms", "prompt_tokens", "completion_tokens", "wire_findings",
    ];

    private static readonly string[] CategoryColumns =
    [
        "run", "category", "requests", "finish_tool_calls", "successful_tool_call_count", "schema_accuracy", "tp", "fp", "fn", "tn",
        "tool_call_precision", "tool_call_recall", "tool_call_f1", "tool_call_f1_low", "tool_call_f1_high",
    ];

    private static readonly string[] VendorColumns =
    [
        "table", "provider", "kind", "model", "test_date", "tool_call_f1", "tool_call_f1_note", "count_finish_reason_tool_calls",
        "count_successful_tool_call", "schema_accuracy", "acceptance_f1", "passes_acceptance_f1",
    ];

    public string Name => "csv";

    public async Task<IReadOnlyList<ReportArtifact>> ExportAsync(ReportModel model, string outputDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return
        [
            await ReportFiles.WriteAsync(outputDirectory, "summary.csv", Summary(model), "key figures, one row per run", cancellationToken).ConfigureAwait(false),
            await ReportFiles.WriteAsync(outputDirectory, "requests.csv", Requests(model), "every request of every run", cancellationToken).ConfigureAwait(false),
            await ReportFiles.WriteAsync(outputDirectory, "categories.csv", Categories(model), "metrics per run and dataset category", cancellationToken).ConfigureAwait(false),
            await ReportFiles.WriteAsync(outputDirectory, "vendors.csv", Vendors(model), "the runs beside K2VV's published providers", cancellationToken).ConfigureAwait(false),
            await ReportFiles.WriteAsync(outputDirectory, "wire.csv", Wire(model), "wire findings per run and code", cancellationToken).ConfigureAwait(false),
        ];
    }

    /// <summary>One row per request: run, then data_index.</summary>
    public static string Requests(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return CsvTable.Write(RequestColumns, model.Runs.SelectMany(run => run.Rows.OrderBy(r => r.DataIndex).Select(r => (IReadOnlyList<object?>)
        [
            run.Label, r.DataIndex, r.Category, r.Status, r.FinishReason, r.BaselineFinishReason, r.Outcome, r.Verdict,
            r.ErrorCategory, r.ErrorPath, r.Attempts, r.DurationMs, r.TtftMs, r.PromptTokens, r.CompletionTokens, r.WireCodes,
        ])));
    }

    /// <summary>One row per run with the key figures and their 95% intervals.</summary>
    public static string Summary(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var columns = SummaryColumns.All.Select(c => c.Name).ToList();
        return CsvTable.Write(columns, model.Runs.Select(run => (IReadOnlyList<object?>)[.. SummaryColumns.All.Select(c => c.Value(run))]));
    }

    /// <summary>One row per run and dataset category (runs without categories have no rows).</summary>
    public static string Categories(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return CsvTable.Write(CategoryColumns, model.Runs.SelectMany(run => run.Summary.Categories.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Category(run.Label, p.Key, p.Value))));
    }

    /// <summary>The runs (kind <c>run</c>), then the published providers of the report's table in the table's order.</summary>
    public static string Vendors(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var runs = model.Runs.Select(run => (IReadOnlyList<object?>)
        [
            model.PublishedTable, run.Label, "run", run.Summary.Model, run.Summary.EvalStartedAt is { Length: >= 10 } d ? d[..10] : null,
            run.Summary.ToolCallF1, null, run.Summary.FinishToolCalls, run.Summary.SuccessfulToolCallCount, run.Summary.SchemaAccuracy,
            model.AcceptanceF1, run.Summary.ToolCallF1 is { } f1 && model.AcceptanceF1 is { } line ? f1 >= line : null,
        ]);
        var published = model.PublishedVendors.Select(v => (IReadOnlyList<object?>)
        [
            v.Table, v.Provider, "published", v.Model, v.TestDate, v.ToolCallF1, v.ToolCallF1Note, v.CountFinishReasonToolCalls,
            v.CountSuccessfulToolCall, v.SchemaAccuracy, v.AcceptanceF1, v.ToolCallF1 is { } f1 ? f1 >= v.AcceptanceF1 : null,
        ]);
        return CsvTable.Write(VendorColumns, runs.Concat(published));
    }

    /// <summary>One row per run and wire code that fired: findings and rows affected (runs in report order, codes in catalogue order).</summary>
    public static string Wire(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return CsvTable.Write(["run", "code", "severity", "findings", "rows"], model.Runs.SelectMany(run => model.WireCodes
            .Where(run.Summary.Wire.Codes.ContainsKey)
            .Select(code => (IReadOnlyList<object?>)[run.Label, code, K2Verifier.Wire.WireCodes.Find(code)?.Severity, run.Summary.Wire.Codes[code], run.Summary.Wire.Rows.GetValueOrDefault(code)])));
    }

    private static IReadOnlyList<object?> Category(string run, string name, CategoryMetrics c) =>
    [
        run, name, c.Requests, c.FinishToolCalls, c.SuccessfulToolCallCount, c.SchemaAccuracy, c.Tp, c.Fp, c.Fn, c.Tn,
        c.ToolCallPrecision, c.ToolCallRecall, c.ToolCallF1, c.ToolCallF1Interval?.Low, c.ToolCallF1Interval?.High,
    ];
}
