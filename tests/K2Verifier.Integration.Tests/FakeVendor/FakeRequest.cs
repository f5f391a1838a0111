using System.Text.Json;

namespace K2Verifier.Integration.Tests.FakeVendor;

/// <summary>One request as the fake vendor received it (every request is recorded, headers included).</summary>
public sealed record FakeRequest
{
    /// <summary>1-based arrival order over the whole server.</summary>
    public required int Sequence { get; init; }

    /// <summary>The request path, e.g. <c>/v1/chat/completions</c>.</summary>
    public required string Path { get; init; }

    /// <summary>Request headers (case-insensitive names; repeated values joined with a comma).</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>The raw request body.</summary>
    public required string Body { get; init; }

    /// <summary>The script key (see <see cref="FakeVendorServer"/>): <c>k2v_script</c>, else the last message's text, else <c>prompt</c>.</summary>
    public required string Key { get; init; }

    /// <summary>1-based count of requests with this key so far, this one included (a retry is attempt 2, 3, …).</summary>
    public required int AttemptForKey { get; init; }

    /// <summary>The body's <c>model</c> (empty when absent).</summary>
    public required string Model { get; init; }

    /// <summary>The body asked for a stream (<c>"stream": true</c>).</summary>
    public required bool Stream { get; init; }

    /// <summary>The body asked for usage in streams (<c>stream_options.include_usage</c>).</summary>
    public required bool IncludeUsage { get; init; }

    /// <summary>Sent to <c>/v1/completions</c> (a raw prompt) rather than <c>/v1/chat/completions</c>.</summary>
    public bool IsCompletions => Path.EndsWith("/v1/completions", StringComparison.Ordinal);

    /// <summary>When it arrived (server clock).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The <c>Authorization</c> header, or null.</summary>
    public string? Authorization => Headers.TryGetValue("Authorization", out string? value) ? value : null;

    /// <summary>Reads the body's <c>key</c>: <c>k2v_script</c> when present, else the last message's text, else <c>prompt</c>.</summary>
    public static string KeyOf(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        if (body.TryGetProperty("k2v_script", out JsonElement script) && script.ValueKind == JsonValueKind.String)
        {
            return script.GetString()!;
        }

        if (body.TryGetProperty("messages", out JsonElement messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0)
        {
            return TextOf(messages[messages.GetArrayLength() - 1]);
        }

        return body.TryGetProperty("prompt", out JsonElement prompt) && prompt.ValueKind == JsonValueKind.String ? prompt.GetString()! : string.Empty;
    }

    private static string TextOf(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("content", out JsonElement content))
        {
            return string.Empty;
        }

        return content.ValueKind switch
        {
            JsonValueKind.String => content.GetString()!,
            JsonValueKind.Array => string.Concat(content.EnumerateArray()
                .Where(part => part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out JsonElement text) && text.ValueKind == JsonValueKind.String)
                .Select(part => part.GetProperty("text").GetString())),
            _ => string.Empty,
        };
    }
}
