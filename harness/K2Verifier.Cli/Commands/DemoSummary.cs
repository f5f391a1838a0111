using System.Globalization;
using System.Text;
using K2Verifier.Metrics;

namespace K2Verifier.Cli.Commands;

/// <summary>The default job's side-by-side table of key figures, as Markdown (printed and written to summary.md).</summary>
internal static class DemoSummary
{
    public static string Markdown(IReadOnlyList<DemoRun> runs, string expectedPath, int? limit)
    {
        var text = new StringBuilder();
        text.AppendLine("# K2Verifier default job: simulated reference vs vllm-0.11.0").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"Simulated deployments (policy model, real render and parse); F1 against `{expectedPath}`")
            .AppendLine(limit is null ? "." : $"; first {limit} requests.").AppendLine();
        text.Append("| metric |").AppendJoin(string.Empty, runs.Select(r => $" {r.Profile} |")).AppendLine();
        text.Append("| --- |").AppendJoin(string.Empty, runs.Select(_ => " ---: |")).AppendLine();
        void Row(string name, Func<RunSummary, string> value) =>
            text.Append(CultureInfo.InvariantCulture, $"| {name} |").AppendJoin(string.Empty, runs.Select(r => $" {value(r.Report.Summary)} |")).AppendLine();
        Row("requests", s => Count(s.SuccessCount + s.FailureCount));
        Row("finish_stop", s => Count(s.FinishStop));
        Row("finish_tool_calls", s => Count(s.FinishToolCalls));
        Row("finish_others", s => Count(s.FinishOthers));
        Row("successful_tool_call_count", s => Count(s.SuccessfulToolCallCount));
        Row("schema_validation_error_count", s => Count(s.SchemaValidationErrorCount));
        Row("undeclared_tool errors", s => Count(s.ErrorCategories.GetValueOrDefault("undeclared_tool")));
        Row("schema_violation errors", s => Count(s.ErrorCategories.GetValueOrDefault("schema_violation")));
        Row("schema_accuracy", s => Ratio(s.SchemaAccuracy));
        Row("tool_call_precision", s => Ratio(s.ToolCallPrecision));
        Row("tool_call_recall", s => Ratio(s.ToolCallRecall));
        Row("tool_call_f1 (vs expected)", s => Ratio(s.ToolCallF1));
        text.Append("| wall time |").AppendJoin(string.Empty, runs.Select(r => $" {r.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s |")).AppendLine();
        return text.ToString();
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ratio(double? value) => value is null ? "–" : value.Value.ToString("0.0000", CultureInfo.InvariantCulture);
}
