using System.Globalization;
using System.Text;
using System.Text.Json;
using K2Verifier.Baselines;
using K2Verifier.Json;
using K2Verifier.Normalization;
using K2Verifier.Results;
using K2Verifier.Validation;

namespace K2Verifier.Reports.Model;

/// <summary>Row facts from a re-judged outcome, and the drill-down details of problem rows from the rows the journal's read kept.</summary>
public sealed partial class ReportModelBuilder
{
    private const int AnswerChars = 160;

    internal static ReportRow Facts(CaseOutcome o, Baseline? baseline)
    {
        var entry = baseline is not null && baseline.Entries.TryGetValue(o.DataIndex, out var e) ? e : null;
        var firstInvalid = o.ToolCallChecks.FirstOrDefault(c => !c.Valid);
        var joined = entry is { Failed: false } && o.IsSuccess;
        return new ReportRow
        {
            DataIndex = o.DataIndex,
            Category = entry?.Category,
            Status = o.Status,
            FinishReason = o.FinishReason,
            BaselineFinishReason = entry?.FinishReason,
            Outcome = joined ? Outcome(o.FinishReason == "tool_calls", entry!.IsToolCall) : null,
            Verdict = o.FinishReason != "tool_calls" ? Verdicts.NotApplicable : o.ToolCallsValid == true ? Verdicts.Valid : Verdicts.Invalid,
            ErrorCategory = o.IsSuccess ? firstInvalid?.Category : o.ErrorCategory,
            ErrorPath = o.IsSuccess ? firstInvalid?.InstancePath : null,
            ErrorMessage = o.IsSuccess ? firstInvalid?.Message : null,
            Attempts = o.Attempts,
            DurationMs = o.DurationMs,
            TtftMs = o.TtftMs,
            PromptTokens = o.Usage?.PromptTokens,
            CompletionTokens = o.Usage?.CompletionTokens,
            WireFindings = o.WireFindings,
        };
    }

    private static string Outcome(bool ours, bool reference) => (ours, reference) switch
    {
        (true, true) => "tp",
        (true, false) => "fp",
        (false, true) => "fn",
        _ => "tn",
    };

    /// <summary>The problem rows' answer, failure message and (within the allowance) request and response, from the rows the read kept.</summary>
    private static List<ReportRow> WithDetails(IReadOnlyDictionary<int, CaseResult> latest, List<ReportRow> rows, DetailAllowance allowance)
    {
        if (latest.Count == 0)
        {
            return rows;
        }

        var detailed = 0;
        var budget = allowance.BudgetChars;
        return [.. rows.Select(row =>
        {
            if (!row.IsProblem || !latest.TryGetValue(row.DataIndex, out var result))
            {
                return row;
            }

            var normalized = result.ResponseJson is { } json && result.IsSuccess ? TryNormalize(json) : null;
            row = row with
            {
                Answer = Answer(normalized),
                ErrorMessage = row.ErrorMessage ?? result.Error?.Message,
            };
            if (detailed >= allowance.Rows || budget <= 0)
            {
                return row;
            }

            var detail = Detail(result, row, allowance.FieldChars);
            detailed++;
            budget -= detail.Request.Length + (detail.Response?.Length ?? 0);
            return row with { Detail = detail };
        })];
    }

    private static RowDetail Detail(CaseResult result, ReportRow row, int fieldChars)
    {
        var (request, requestCut) = Cap(Indent(result.RequestJson), fieldChars);
        var (response, responseCut) = result.ResponseJson is { } json ? Cap(Indent(json), fieldChars) : (null, false);
        List<string> checks = result.ToolCallChecks.Count > 0 && row.Verdict != Verdicts.NotApplicable
            ? [.. result.ToolCallChecks.Select(Describe)]
            : row.ErrorMessage is { } message ? [message] : [];
        checks.AddRange(row.WireFindings.Select(WireExamples.Describe));
        return new RowDetail(request!, response, checks, requestCut || responseCut);
    }

    internal static string Describe(ToolCallCheck c)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"call {c.Index} ({c.Name ?? "?"}): {(c.Valid ? "valid" : c.Category)}");
        if (c.InstancePath is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" at '{c.InstancePath}'");
        }

        if (c.Keyword is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" [{c.Keyword}]");
        }

        return c.Message is null ? text.ToString() : text.Append(": ").Append(c.Message).ToString();
    }

    private static NormalizedResponse? TryNormalize(string responseJson)
    {
        try
        {
            return ResponseNormalizer.FromResponseJson(responseJson, []);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Answer(NormalizedResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        var text = !string.IsNullOrWhiteSpace(response.Content)
            ? response.Content
            : response.ToolCalls is { Count: > 0 } calls ? "tool calls: " + string.Join(", ", calls.Select(c => c.Name ?? "?")) : null;
        if (text is null)
        {
            return null;
        }

        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= AnswerChars ? text : string.Concat(text.AsSpan(0, AnswerChars - 1), "…");
    }

    private static string Indent(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, JsonText.IndentedWriter))
            {
                document.RootElement.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static (string Text, bool Cut) Cap(string text, int max) =>
        text.Length <= max ? (text, false) : (string.Concat(text.AsSpan(0, max), $"\n… cut here: {(text.Length - max).ToString(CultureInfo.InvariantCulture)} more characters"), true);
}
