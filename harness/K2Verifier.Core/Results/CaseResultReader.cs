using System.Globalization;
using System.Text.Json;
using K2Verifier.Validation;

namespace K2Verifier.Results;

/// <summary>Builds a <see cref="CaseResult"/> from a parsed row, ours or K2VV's.</summary>
internal static class CaseResultReader
{
    public static CaseResult FromElement(JsonElement row)
    {
        var header = Header(row);
        return header with
        {
            RequestJson = row.GetProperty("request").GetRawText(),
            ExtraBodyJson = row.TryGetProperty("extra_body", out var extra) && extra.ValueKind == JsonValueKind.Object ? extra.GetRawText() : "{}",
            ResponseJson = row.TryGetProperty("response", out var response) && response.ValueKind != JsonValueKind.Null ? response.GetRawText() : null,
            ToolCallChecks = ReadChecks(row),
            Warnings = row.TryGetProperty("warnings", out var warnings) && warnings.ValueKind == JsonValueKind.Array
                ? [.. warnings.EnumerateArray().Select(w => w.ToString())]
                : [],
            WireFindings = Wire.WireJson.ReadFindings(row),
            Stream = Wire.WireJson.ReadStream(row),
        };
    }

    /// <summary>The row's scalar fields, checked; request and response text are left empty (callers that need them read them).</summary>
    public static CaseResult Header(JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"row: expected a JSON object, found {row.ValueKind}");
        }

        return new CaseResult
        {
            DataIndex = row.TryGetProperty("data_index", out var index) && index.TryGetInt32(out var i)
                ? i
                : throw new JsonException("data_index: missing or not an integer"),
            RequestJson = row.TryGetProperty("request", out var request) && request.ValueKind == JsonValueKind.Object
                ? string.Empty
                : throw new JsonException("request: missing or not an object"),
            Status = String(row, "status") ?? throw new JsonException("status: missing or not a string"),
            FinishReason = String(row, "finish_reason"),
            ToolCallsValid = row.TryGetProperty("tool_calls_valid", out var valid) && valid.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? valid.GetBoolean()
                : null,
            LastRunAt = String(row, "last_run_at") ?? string.Empty,
            DurationMs = Long(row, "duration_ms") ?? 0,
            Hash = String(row, "hash") ?? string.Empty,
            Attempts = (int)(Long(row, "attempts") ?? 1),
            Error = ReadError(row),
            TtftMs = Long(row, "ttft_ms"),
            Parse = ReadParse(row),
        };
    }

    private static ParseReport? ReadParse(JsonElement row) =>
        row.TryGetProperty("parse", out var parse) && parse.ValueKind == JsonValueKind.Object
            ? new ParseReport(String(parse, "vendor_finish_reason") ?? "stop", String(parse, "finish_reason_changed"), (int)(Long(parse, "incomplete_tool_calls") ?? 0))
            : null;

    private static CaseError? ReadError(JsonElement row)
    {
        if (!row.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new CaseError(String(error, "category") ?? "unknown", String(error, "message") ?? string.Empty, (int?)Long(error, "status_code"));
    }

    private static List<ToolCallCheck> ReadChecks(JsonElement row)
    {
        if (!row.TryGetProperty("tool_call_checks", out var checks) || checks.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. checks.EnumerateArray().Select(c => new ToolCallCheck(
            (int)(Long(c, "index") ?? 0),
            String(c, "name"),
            c.TryGetProperty("valid", out var v) && v.ValueKind == JsonValueKind.True,
            String(c, "category"),
            String(c, "instance_path"),
            String(c, "keyword"),
            String(c, "message")))];
    }

    private static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Long(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        return value.TryGetInt64(out var n) ? n : (long)double.Parse(value.GetRawText(), CultureInfo.InvariantCulture);
    }
}
