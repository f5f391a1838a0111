using System.Text.Json;

namespace K2Verifier.Backends;

/// <summary>
/// Maps an HTTP error (status and body) to a <see cref="BackendFailureCategory"/>. Vendors agree on the status codes
/// but not on the bodies, so the context-length case is read from the body's <c>error.code</c> / <c>error.type</c>
/// and message: OpenAI's code <c>context_length_exceeded</c>, llama.cpp's type <c>exceed_context_size_error</c> and
/// message "exceeds the available context size", vLLM's "maximum context length", SGLang's "longer than the model's
/// context length". Used by the HTTP backend and by the in-process engines, so one failure has one name everywhere.
/// </summary>
public static class FailureClassifier
{
    private static readonly string[] ContextLengthMarkers =
    [
        "context_length_exceeded",
        "exceed_context_size",
        "exceeds the available context size",
        "maximum context length",
        "context length exceeded",
        "longer than the model's context length",
        "prompt is too long",
    ];

    private static readonly string[] ErrorFields = ["code", "type", "message", "detail"];

    /// <summary>The category of a non-success <paramref name="status"/> whose body is <paramref name="body"/> (may be empty or not JSON).</summary>
    public static BackendFailureCategory Classify(int status, string? body)
    {
        if (status is >= 400 and < 500 && status != 429 && MentionsContextLength(body))
        {
            return BackendFailureCategory.ContextLengthExceeded;
        }

        return status switch
        {
            401 or 403 => BackendFailureCategory.Authentication,
            404 => BackendFailureCategory.NotFound,
            429 => BackendFailureCategory.RateLimited,
            400 or 422 => BackendFailureCategory.InvalidParameter,
            >= 500 and < 600 => BackendFailureCategory.ServerError,
            _ => BackendFailureCategory.HttpStatus,
        };
    }

    /// <summary>True when the body's error code, type or message (or, for a body that is not JSON, its text) names a context-length overflow.</summary>
    public static bool MentionsContextLength(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return false;
        }

        string text = ErrorText(body) ?? body;
        return ContextLengthMarkers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The <c>error</c> object's code, type and message joined (or a top-level <c>message</c>/<c>detail</c>); null when the body is not such JSON.</summary>
    private static string? ErrorText(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            JsonElement error = root.TryGetProperty("error", out JsonElement e) ? e : root;
            if (error.ValueKind == JsonValueKind.String)
            {
                return error.GetString();
            }

            return error.ValueKind != JsonValueKind.Object
                ? null
                : string.Join(' ', ErrorFields
                    .Select(name => error.TryGetProperty(name, out JsonElement value) ? value.ToString() : null)
                    .Where(value => value is not null));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
