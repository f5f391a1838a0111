using System.Buffers;
using System.Text;
using System.Text.Json;
using K2Verifier.Json;
using K2Verifier.Validation;

namespace K2Verifier.Results;

/// <summary>Writes and reads results.jsonl rows; reads K2VV-written rows too (our fields are then absent).</summary>
public static class CaseResultSerializer
{
    /// <summary>The row as one line of compact JSON (no trailing newline).</summary>
    public static byte[] ToJsonLine(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = WritePooled(result);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The row as one line of compact JSON (no trailing newline) in a pooled buffer sized for it, which the caller
    /// disposes (the journal appends its newline there and writes it).
    /// </summary>
    internal static PooledBuffer<byte> WritePooled(CaseResult result)
    {
        var buffer = new PooledBuffer<byte>(result.RequestText.Length + (result.ResponseJson?.Length ?? 0) + 512);
        Write(result, buffer);
        return buffer;
    }

    private static void Write(CaseResult result, IBufferWriter<byte> output)
    {
        using (var writer = new Utf8JsonWriter(output, JsonText.CompactWriter))
        {
            writer.WriteStartObject();
            writer.WriteNumber("data_index", result.DataIndex);
            writer.WritePropertyName("request");
            result.RequestText.WriteRawValueTo(writer);

            writer.WritePropertyName("extra_body");
            writer.WriteRawValue(result.ExtraBodyJson, skipInputValidation: true);
            writer.WritePropertyName("response");
            WriteRawOrNull(writer, result.ResponseJson);
            writer.WriteString("status", result.Status);
            WriteStringOrNull(writer, "finish_reason", result.FinishReason);
            writer.WritePropertyName("tool_calls_valid");
            if (result.ToolCallsValid is { } valid)
            {
                writer.WriteBooleanValue(valid);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteString("last_run_at", result.LastRunAt);
            writer.WriteNumber("duration_ms", result.DurationMs);
            writer.WriteString("hash", result.Hash);
            writer.WriteNumber("attempts", result.Attempts);
            WriteError(writer, result.Error);
            if (result.TtftMs is { } ttft)
            {
                writer.WriteNumber("ttft_ms", ttft);
            }
            else
            {
                writer.WriteNull("ttft_ms");
            }

            WriteChecks(writer, result.ToolCallChecks);
            if (result.Warnings.Count > 0)
            {
                writer.WriteStartArray("warnings");
                foreach (var warning in result.Warnings)
                {
                    writer.WriteStringValue(warning);
                }

                writer.WriteEndArray();
            }

            if (result.Stream is { } stream)
            {
                Wire.WireJson.WriteStream(writer, stream);
            }

            Wire.WireJson.WriteFindings(writer, result.WireFindings);
            WriteParse(writer, result.Parse);
            writer.WriteEndObject();
        }
    }

    private static void WriteParse(Utf8JsonWriter writer, K2Verifier.Results.ParseReport? parse)
    {
        if (parse is null)
        {
            return;
        }

        writer.WriteStartObject("parse");
        writer.WriteString("vendor_finish_reason", parse.VendorFinishReason);
        WriteStringOrNull(writer, "finish_reason_changed", parse.FinishReasonChanged);
        writer.WriteNumber("incomplete_tool_calls", parse.IncompleteToolCalls);
        writer.WriteEndObject();
    }

    /// <summary>The row as a string (for tests and tools).</summary>
    public static string ToJson(CaseResult result) => Encoding.UTF8.GetString(ToJsonLine(result));

    /// <summary>Reads one row; throws <see cref="JsonException"/> naming the field when the row is malformed.</summary>
    public static CaseResult Parse(ReadOnlySpan<byte> utf8Line)
    {
        var reader = new Utf8JsonReader(utf8Line, JsonText.DeepReader);
        using var document = JsonDocument.ParseValue(ref reader);
        return CaseResultReader.FromElement(document.RootElement);
    }

    private static void WriteError(Utf8JsonWriter writer, CaseError? error)
    {
        if (error is null)
        {
            writer.WriteNull("error");
            return;
        }

        writer.WriteStartObject("error");
        writer.WriteString("category", error.Category);
        writer.WriteString("message", error.Message);
        if (error.StatusCode is { } status)
        {
            writer.WriteNumber("status_code", status);
        }

        writer.WriteEndObject();
    }

    private static void WriteChecks(Utf8JsonWriter writer, IReadOnlyList<ToolCallCheck> checks)
    {
        writer.WriteStartArray("tool_call_checks");
        foreach (var check in checks)
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", check.Index);
            WriteStringOrNull(writer, "name", check.Name);
            writer.WriteBoolean("valid", check.Valid);
            if (!check.Valid)
            {
                WriteStringOrNull(writer, "category", check.Category);
                if (check.InstancePath is not null)
                {
                    writer.WriteString("instance_path", check.InstancePath);
                }

                if (check.Keyword is not null)
                {
                    writer.WriteString("keyword", check.Keyword);
                }

                WriteStringOrNull(writer, "message", check.Message);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteRawOrNull(Utf8JsonWriter writer, string? json)
    {
        if (json is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(json, skipInputValidation: true);
        }
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
