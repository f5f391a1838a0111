using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using K2Verifier.Reports.Model;

namespace K2Verifier.Reports.Html;

/// <summary>
/// The JSON embedded in the page for the request table and drill-down. Written with an encoder that escapes every
/// HTML-sensitive character (<c>&lt; &gt; &amp; ' "</c> as <c>\u003C</c> …), so no text from a model answer can
/// close the <c>&lt;script type="application/json"&gt;</c> block it sits in.
/// </summary>
internal static class HtmlReportData
{
    /// <summary>Rows the table shows at once (the rest are reachable by filtering).</summary>
    public const int DisplayLimit = 1000;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string ToJson(ReportModel model)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteNumber("displayLimit", DisplayLimit);
            w.WriteNumber("detailedRows", model.DetailedRows);
            Strings(w, "runs", model.Runs.Select(r => r.Label));
            Strings(w, "categories", model.Runs.SelectMany(r => r.Rows).Where(r => r.IsProblem && r.Category is not null).Select(r => r.Category!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            var details = new List<RowDetail>();
            w.WriteStartArray("rows");
            foreach (var run in model.Runs)
            {
                foreach (var row in run.Rows.Where(r => r.IsProblem))
                {
                    Row(w, run.Label, row, row.Detail is null ? null : details.Count);
                    if (row.Detail is { } detail)
                    {
                        details.Add(detail);
                    }
                }
            }

            w.WriteEndArray();
            w.WriteStartArray("details");
            foreach (var detail in details)
            {
                w.WriteStartObject();
                w.WriteString("request", detail.Request);
                w.WriteString("response", detail.Response);
                Strings(w, "checks", detail.Checks);
                w.WriteBoolean("truncated", detail.Truncated);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Which problems a row has: <c>failed</c>, <c>invalid</c>, <c>differs</c> (the kind filter's values).</summary>
    public static IEnumerable<string> Kinds(ReportRow row)
    {
        if (row.IsFailed)
        {
            yield return "failed";
        }

        if (row.IsInvalid)
        {
            yield return "invalid";
        }

        if (row.DiffersFromBaseline)
        {
            yield return "differs";
        }

        if (row.HasWireErrors)
        {
            yield return "wire";
        }
    }

    private static void Row(Utf8JsonWriter w, string run, ReportRow row, int? detail)
    {
        w.WriteStartObject();
        w.WriteString("run", run);
        w.WriteNumber("index", row.DataIndex);
        w.WriteString("category", row.Category);
        w.WriteString("status", row.Status);
        w.WriteString("finish", row.FinishReason);
        w.WriteString("baseline", row.BaselineFinishReason);
        w.WriteString("outcome", row.Outcome);
        w.WriteString("verdict", row.Verdict);
        w.WriteString("error", row.ErrorCategory);
        w.WriteString("path", row.ErrorPath);
        w.WriteString("message", row.ErrorMessage);
        w.WriteString("answer", row.Answer);
        w.WriteNumber("duration", row.DurationMs);
        w.WriteNumber("attempts", row.Attempts);
        w.WriteString("wire", row.WireCodes);
        Strings(w, "kinds", Kinds(row));
        if (detail is { } d)
        {
            w.WriteNumber("detail", d);
        }
        else
        {
            w.WriteNull("detail");
        }

        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
