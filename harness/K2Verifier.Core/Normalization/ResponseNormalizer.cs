using System.Text.Json;

namespace K2Verifier.Normalization;

/// <summary>Reduces a raw response body (JSON, or SSE text for streams) to a <see cref="NormalizedResponse"/>.</summary>
public static class ResponseNormalizer
{
    /// <summary>Normalises a response body as received. <paramref name="requestModel"/> names the model for streams.</summary>
    public static NormalizedResponse Normalize(string body, bool isStream, string? requestModel = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!isStream)
        {
            return FromResponseJson(body, []);
        }

        var digest = StreamDigest.Read(body, requestModel);
        return FromResponseJson(digest.ResponseJson, digest.Warnings);
    }

    /// <summary>
    /// Normalises a chat.completion object (a non-stream body, an accumulated stream, or a results.jsonl
    /// <c>response</c>). A body that is not a JSON object yields no finish_reason.
    /// </summary>
    public static NormalizedResponse FromResponseJson(string responseJson, IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(responseJson);
        JsonElement root;
        try
        {
            // A document that needs no disposing: the normalised response keeps it for the wire checks.
            root = JsonElement.Parse(responseJson, Json.JsonText.DeepDocument);
        }
        catch (JsonException ex)
        {
            return new NormalizedResponse { ResponseJson = responseJson, Warnings = [.. warnings, $"response is not JSON: {ex.Message}"] };
        }

        return FromRoot(root, responseJson, warnings) with { Response = root };
    }

    /// <summary>Normalises an already-parsed response object; <see cref="NormalizedResponse.ResponseJson"/> is left empty (re-scoring needs only the facts).</summary>
    internal static NormalizedResponse FromElement(JsonElement response) => FromRoot(response, string.Empty, []);

    private static NormalizedResponse FromRoot(JsonElement root, string responseJson, IReadOnlyList<string> warnings)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new NormalizedResponse { ResponseJson = responseJson, Warnings = warnings };
        }

        var choice = root.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0
            && choices[0].ValueKind == JsonValueKind.Object
            ? choices[0]
            : (JsonElement?)null;
        var message = choice is { } c && c.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m : (JsonElement?)null;
        return new NormalizedResponse
        {
            ResponseJson = responseJson,
            FinishReason = choice is { } fc && fc.TryGetProperty("finish_reason", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null,
            ToolCalls = message is { } tm ? ReadToolCalls(tm) : null,
            Content = message is { } cm ? StringOrNull(cm, "content") : null,
            ReasoningContent = message is { } rm ? StringOrNull(rm, "reasoning_content") : null,
            Usage = ReadUsage(root) ?? (choice is { } uc ? ReadUsage(uc) : null),
            Warnings = warnings,
        };
    }

    private static List<NormalizedToolCall>? ReadToolCalls(JsonElement message)
    {
        if (!message.TryGetProperty("tool_calls", out var toolCalls) || toolCalls.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var calls = new List<NormalizedToolCall>(toolCalls.GetArrayLength());
        var index = 0;
        foreach (var call in toolCalls.EnumerateArray())
        {
            string? name = null;
            JsonElement? arguments = null;
            if (call.ValueKind == JsonValueKind.Object && call.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.Object)
            {
                name = StringOrNull(function, "name");
                arguments = function.TryGetProperty("arguments", out var a) ? a.Clone() : null;
            }

            calls.Add(new NormalizedToolCall(index++, call.ValueKind == JsonValueKind.Object ? StringOrNull(call, "id") : null, name, arguments));
        }

        return calls;
    }

    private static TokenUsage? ReadUsage(JsonElement owner)
    {
        if (!owner.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var prompt = Number(usage, "prompt_tokens");
        var completion = Number(usage, "completion_tokens");
        var total = usage.TryGetProperty("total_tokens", out _) ? Number(usage, "total_tokens") : prompt + completion;
        return new TokenUsage(prompt, completion, total);
    }

    private static long Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : 0;

    private static string? StringOrNull(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
