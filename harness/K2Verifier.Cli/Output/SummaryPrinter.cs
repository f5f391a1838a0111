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
            ("schema accuracy", s.SchemaAccuracy is { } a ? a.ToString("P2", CultureInfo.InvariantCulture) : "n/a (no tool_calls)"),
        };
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

        var width = rows.Max(r => r.Name.Length);
        foreach (var (name, value) in rows)
        {
            output.WriteLine($"  {name.PadRight(width)}  {value}");
        }
    }

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
