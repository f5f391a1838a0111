using System.Text.Json;
using K2Verifier.Backends;
using K2Verifier.Normalization;

namespace K2Verifier.Suites.Probing;

/// <summary>
/// What a deployment answered to a probe, read once: the HTTP status, the error message of a refusal, and for a
/// success the normalised response (finish reason, tool calls, usage), streamed or not.
/// </summary>
/// <param name="StatusCode">HTTP status of the last attempt (null when no response arrived).</param>
/// <param name="Failure">The backend's failure (a refusal, a timeout, a connection error), null on success.</param>
/// <param name="Response">The normalised response of a success; null otherwise or when the body could not be read.</param>
public sealed record ProbeAnswer(int? StatusCode, BackendFailure? Failure, NormalizedResponse? Response)
{
    /// <summary>True for a 4xx answer: the deployment refused the request.</summary>
    public bool IsClientError => StatusCode is >= 400 and < 500;

    /// <summary>The tool calls of a successful answer (empty when none).</summary>
    public IReadOnlyList<NormalizedToolCall> Calls => Response?.ToolCalls ?? [];

    /// <summary>A short class for reports: <c>200</c>, <c>400</c>, <c>timeout</c>, <c>connection</c>.</summary>
    public string StatusClass => StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture)
        ?? (Failure?.Category.ToString().ToLowerInvariant() ?? "none");

    /// <summary>Reads <paramref name="response"/>.</summary>
    public static ProbeAnswer Read(BackendResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccess || response.Body is null)
        {
            return new ProbeAnswer(response.StatusCode, response.Failure, null);
        }

        try
        {
            return new ProbeAnswer(response.StatusCode, null, ResponseNormalizer.Normalize(response.Body, response.IsStream));
        }
        catch (JsonException)
        {
            return new ProbeAnswer(response.StatusCode, null, null);
        }
    }

    /// <summary>The error message of a refused request: <c>error.message</c> of a JSON body, else the failure's text.</summary>
    public static string? ErrorMessage(BackendResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Body is { Length: > 0 } body && !response.IsSuccess)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error))
                {
                    return error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message) ? message.ToString() : error.ToString();
                }
            }
            catch (JsonException)
            {
                // Not JSON: the failure's text below.
            }
        }

        return response.Failure?.Message;
    }
}
