using System.Globalization;
using K2Verifier.Metrics;

namespace K2Verifier.Cli.Output;

/// <summary>Prints the key figures of a summary as an aligned plain-text table.</summary>
internal static class SummaryPrinter
{
    public static void Print(RunSummary s, TextWriter output)
    {
        var rows = new List<(string Name, string Value)>
        {
            ("model", s.Model ?? "-"),
            ("rows", Int(s.TotalRows)),
            ("success / failed", $"{Int(s.SuccessCount)} / {Int(s.FailureCount)}"),
            ("finish stop", Int(s.FinishStop)),
            ("finish tool_calls", Int(s.FinishToolCalls)),
            ("finish others", s.FinishOthers == 0 ? "0" : $"{Int(s.FinishOthers)} ({string.Join(", ", s.FinishOthersDetail.Select(p => $"{p.Key}: {p.Value}"))})"),
            ("valid tool calls", Int(s.SuccessfulToolCallCount)),
            ("schema errors", Int(s.SchemaValidationErrorCount)),
            ("schema accuracy", Percent(s.SchemaAccuracy, s.Intervals.GetValueOrDefault("schema_accuracy"), "n/a (no tool_calls)")),
        };
        if (s.Baseline is { } baseline)
        {
            rows.Add(("baseline", $"{baseline.Path} ({baseline.Kind}); joined {Int(baseline.Joined)}, missing in baseline {baseline.MissingInBaseline.Count}, missing in run {baseline.MissingInRun.Count}, failed here {baseline.FailedInRun.Count}, failed in baseline {baseline.FailedInBaseline.Count}"));
            rows.Add(("tp / fp / fn / tn", $"{s.Tp} / {s.Fp} / {s.Fn} / {s.Tn}"));
            rows.Add(("tool_call_precision", Percent(s.ToolCallPrecision, s.Intervals.GetValueOrDefault("tool_call_precision"), "undefined (nothing finished with tool_calls)")));
            rows.Add(("tool_call_recall", Percent(s.ToolCallRecall, s.Intervals.GetValueOrDefault("tool_call_recall"), "undefined (the baseline has no tool_calls)")));
            rows.Add(("tool_call_f1", Percent(s.ToolCallF1, s.Intervals.GetValueOrDefault("tool_call_f1"), "undefined")));
        }
        if (s.ErrorCategories.Count > 0)
        {
            rows.Add(("invalid calls by category", string.Join(", ", s.ErrorCategories.Select(p => $"{p.Key}: {p.Value}"))));
        }

        if (s.FailureCategories.Count > 0)
        {
            rows.Add(("failures by category", string.Join(", ", s.FailureCategories.Select(p => $"{p.Key}: {p.Value}"))));
        }

        if (s.LatencyMs is { } l)
        {
            rows.Add(("latency p50/p90/p99 ms", string.Create(CultureInfo.InvariantCulture, $"{l.P50:0} / {l.P90:0} / {l.P99:0}")));
        }

        if (s.TtftMs is { } t)
        {
            rows.Add(("ttft p50/p90/p99 ms", string.Create(CultureInfo.InvariantCulture, $"{t.P50:0} / {t.P90:0} / {t.P99:0}")));
        }

        if (s.RequestsPerSecond is { } rps)
        {
            rows.Add(("requests/s", rps.ToString("0.0", CultureInfo.InvariantCulture)));
        }

        rows.Add(("tokens prompt/completion", $"{Int(s.Usage.PromptTokens)} / {Int(s.Usage.CompletionTokens)}"));
        if (s.SkippedLines > 0)
        {
            rows.Add(("skipped dataset lines", Int(s.SkippedLines)));
        }

        if (s.UnreadableRows > 0)
        {
            rows.Add(("unreadable result lines", Int(s.UnreadableRows)));
        }

        foreach (var (name, suite) in s.Suites ?? new Dictionary<string, SuiteRecord>())
        {
            rows.Add(($"suite {name}", $"{Int(suite.Passed)}/{Int(suite.Total)} passed, {Int(suite.RequiredFailed)} required failed"));
        }

        var width = rows.Max(r => r.Name.Length);
        foreach (var (name, value) in rows)
        {
            output.WriteLine($"  {name.PadRight(width)}  {value}");
        }

        PrintCategories(s, output);
        if (s.Published is { } p)
        {
            output.WriteLine();
            var rank = p.SchemaAccuracyRank is { } r ? $"schema accuracy ranks {r} of {p.Providers + 1} beside the {p.Providers} providers" : "no schema accuracy to rank";
            var f1 = p.PassesAcceptanceF1 switch
            {
                true => $"tool_call_f1 meets the published acceptance line {p.AcceptanceF1:0.00}",
                false => $"tool_call_f1 is below the published acceptance line {p.AcceptanceF1:0.00}",
                null => $"acceptance line {p.AcceptanceF1:0.00} needs --baseline for tool_call_f1",
            };
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  published K2VV table {p.Table} ({p.TestDate}): {rank}; {f1}"));
        }
    }

    private static void PrintCategories(RunSummary s, TextWriter output)
    {
        if (s.Categories.Count == 0)
        {
            return;
        }

        var width = Math.Max(8, s.Categories.Keys.Max(k => k.Length));
        output.WriteLine();
        output.WriteLine($"  {"category".PadRight(width)}  {"requests",8}  {"tool_calls",10}  {"schema acc",10}  {"F1",8}");
        foreach (var (name, c) in s.Categories)
        {
            output.WriteLine($"  {name.PadRight(width)}  {Int(c.Requests),8}  {Int(c.FinishToolCalls),10}  {Fraction(c.SchemaAccuracy),10}  {Fraction(c.ToolCallF1),8}");
        }
    }

    private static string Percent(double? value, Interval? interval, string undefined) => value is { } v
        ? v.ToString("P2", CultureInfo.InvariantCulture) + (interval is { } i ? string.Create(CultureInfo.InvariantCulture, $"  [{i.Low:P2}, {i.High:P2}]") : string.Empty)
        : undefined;

    private static string Fraction(double? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-";

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
