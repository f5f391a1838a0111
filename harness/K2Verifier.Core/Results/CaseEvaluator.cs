using System.Text.Json;
using K2Verifier.Backends;
using K2Verifier.Normalization;
using K2Verifier.Preparation;
using K2Verifier.Validation;
using K2Verifier.Wire;

namespace K2Verifier.Results;

/// <summary>
/// Turns what a backend returned into a results row, and re-judges a row read back from a results file (ours or
/// K2VV's) with today's validator: the same normalisation and validation on both paths.
/// </summary>
public sealed class CaseEvaluator
{
    private readonly ToolCallValidator _toolCallValidator;
    private readonly WireChecker _wireChecker;
    private volatile ParsedJson? _lastExtraBody;

    public CaseEvaluator(IJsonSchemaValidator schemaValidator)
    {
        _toolCallValidator = new ToolCallValidator(schemaValidator);
        _wireChecker = new WireChecker(_toolCallValidator);
    }

    /// <summary>The row for one request; <paramref name="lastRunAt"/> is Python-isoformat local time.</summary>
    public CaseResult FromBackend(PreparedRequest request, BackendResponse response, string lastRunAt) => Judge(request, response, lastRunAt).Row;

    /// <summary>
    /// The row for one request and its outcome, judged once: the outcome is what <see cref="Rescore"/> gives for the
    /// row read back, so the run's reader need not judge its own rows again.
    /// </summary>
    public JudgedCase Judge(PreparedRequest request, BackendResponse response, string lastRunAt)
    {
        var row = Evaluate(request, response, lastRunAt);
        var outcome = new CaseOutcome(
            row.DataIndex,
            row.Status,
            row.IsSuccess ? row.FinishReason : null,
            row.ToolCallsValid,
            row.ToolCallChecks,
            row.IsSuccess ? null : row.Error?.Category ?? "failed",
            row.DurationMs,
            row.TtftMs,
            row.Attempts,
            row.Usage,
            row.LastRunAt)
        {
            WireFindings = row.WireFindings,
            Parse = row.Parse,
            RequestKey = RequestKey(request),
        };
        return new JudgedCase(row, outcome);
    }

    private CaseResult Evaluate(PreparedRequest request, BackendResponse response, string lastRunAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        var row = new CaseResult
        {
            DataIndex = request.DataIndex,
            RequestText = request.RequestText,
            ExtraBodyJson = request.ExtraBodyJson,
            Status = CaseStatus.Success,
            LastRunAt = lastRunAt,
            DurationMs = response.DurationMs,
            Hash = request.Hash,
            Attempts = response.Attempts,
            TtftMs = response.TimeToFirstTokenMs,
            Parse = response.Parse,
        };

        if (response.Failure is { } failure)
        {
            return row with
            {
                Status = CaseStatus.Failed,
                ResponseJson = ErrorResponse(failure.Message),
                Error = new CaseError(CategoryName(failure.Category), failure.Message, failure.StatusCode),
                Warnings = response.Warnings,
            };
        }

        // Each thing parsed once: a stream's events as the backend split and parsed them (or here, once, when it kept
        // none), the response object once for normalisation and the wire checks.
        var body = response.Body ?? string.Empty;
        var digest = !response.IsStream ? null
            : response.Stream is { } read && ReferenceEquals(read.Body, response.Body) ? read
            : StreamDigest.Read(body, request.Model);
        var normalized = digest is null
            ? ResponseNormalizer.FromResponseJson(body, [])
            : ResponseNormalizer.FromResponseJson(digest.ResponseJson, digest.Warnings);
        var outcome = _toolCallValidator.Validate(normalized.FinishReason, normalized.ToolCalls, request.Tools);
        var stream = digest?.Facts;
        return row with
        {
            ResponseJson = normalized.ResponseJson,
            FinishReason = normalized.FinishReason,
            ToolCallsValid = outcome.ToolCallsValid,
            ToolCallChecks = outcome.Checks,
            Warnings = [.. response.Warnings, .. normalized.Warnings],
            Stream = stream,
            WireFindings = WireFindings(request, normalized.Response, stream),
            Usage = normalized.Usage,
        };
    }

    private static string? RequestKey(PreparedRequest request)
    {
        if (request.Identity is { } identity)
        {
            return identity;
        }

        var body = request.ParseRequestBody();
        return body.ValueKind == JsonValueKind.Object ? RequestIdentity.Of(body) : null;
    }

    /// <summary>Re-judges a parsed results row (ours or K2VV's) in one pass over its JSON.</summary>
    public CaseOutcome Rescore(JsonElement row)
    {
        var result = CaseResultReader.Header(row);
        var isSuccess = result.Status == CaseStatus.Success;
        NormalizedResponse? normalized = row.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
            ? ResponseNormalizer.FromElement(response)
            : null;
        var finishReason = isSuccess ? normalized?.FinishReason : null;
        var outcome = finishReason == "tool_calls"
            ? _toolCallValidator.Validate(finishReason, normalized!.ToolCalls, RequestPreparer.ReadTools(row.GetProperty("request")))
            : ValidationOutcome.NotJudged;
        var findings = isSuccess && response.ValueKind == JsonValueKind.Object
            ? _wireChecker.Check(WireRequest.From(row.GetProperty("request"), row.TryGetProperty("extra_body", out var extra) ? extra : null), response, WireJson.ReadStream(row), RequestPreparer.ReadTools(row.GetProperty("request")))
            : [];
        return new CaseOutcome(
            result.DataIndex,
            result.Status,
            finishReason,
            outcome.ToolCallsValid,
            outcome.Checks,
            isSuccess ? null : result.Error?.Category ?? "failed",
            result.DurationMs,
            result.TtftMs,
            result.Attempts,
            normalized?.Usage,
            result.LastRunAt)
        {
            WireFindings = findings,
            Parse = result.Parse,
            RequestKey = row.TryGetProperty("request", out var request) && request.ValueKind == JsonValueKind.Object ? RequestIdentity.Of(request) : null,
        };
    }

    /// <summary>The wire checks on the request and the response as already parsed (the extra body parsed once per run).</summary>
    private IReadOnlyList<WireFinding> WireFindings(PreparedRequest request, JsonElement response, StreamFacts? stream)
    {
        if (response.ValueKind == JsonValueKind.Undefined)
        {
            // A body that is not JSON is already a warning on the row; there is nothing to check on the wire.
            return [];
        }

        try
        {
            return _wireChecker.Check(WireRequest.From(request.ParseRequestBody(), ExtraBody(request.ExtraBodyJson)), response, stream, request.Tools);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The extra body parsed, once for each distinct string (a run has one).</summary>
    private JsonElement ExtraBody(string json)
    {
        var last = _lastExtraBody;
        if (last is not null && ReferenceEquals(last.Json, json))
        {
            return last.Element;
        }

        var parsed = new ParsedJson(json, JsonElement.Parse(json, Json.JsonText.DeepDocument));
        _lastExtraBody = parsed;
        return parsed.Element;
    }

    private sealed record ParsedJson(string Json, JsonElement Element);

    /// <summary>The snake_case name results.jsonl uses for a backend failure category.</summary>
    public static string CategoryName(BackendFailureCategory category) => category switch
    {
        BackendFailureCategory.Timeout => "timeout",
        BackendFailureCategory.HttpStatus => "http_status",
        BackendFailureCategory.Connection => "connection",
        BackendFailureCategory.MalformedJson => "malformed_json",
        BackendFailureCategory.TruncatedStream => "truncated_stream",
        BackendFailureCategory.ContextLengthExceeded => "context_length_exceeded",
        BackendFailureCategory.InvalidParameter => "invalid_parameter",
        BackendFailureCategory.Authentication => "authentication",
        BackendFailureCategory.NotFound => "not_found",
        BackendFailureCategory.RateLimited => "rate_limited",
        BackendFailureCategory.ServerError => "server_error",
        BackendFailureCategory.Stalled => "stalled",
        _ => category.ToString().ToLowerInvariant(),
    };

    private static string ErrorResponse(string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Json.JsonText.CompactWriter))
        {
            writer.WriteStartObject();
            writer.WriteString("error", message);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
