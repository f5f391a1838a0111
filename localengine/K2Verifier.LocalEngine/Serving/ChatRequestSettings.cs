using System.Text.Json.Nodes;

namespace K2Verifier.LocalEngine.Serving;

/// <summary>The sampling settings and limits of a chat-completion request body, as an in-process engine reads them.</summary>
/// <param name="MaxTokens"><c>max_tokens</c> (else <c>max_completion_tokens</c>); null when absent.</param>
/// <param name="Temperature"><c>temperature</c>; null when absent. 0 means greedy decoding.</param>
/// <param name="TopP"><c>top_p</c>; null when absent.</param>
/// <param name="Seed"><c>seed</c>; null when absent.</param>
/// <param name="Stream"><c>stream</c>.</param>
public sealed record ChatRequestSettings(int? MaxTokens, double? Temperature, double? TopP, int? Seed, bool Stream)
{
    /// <summary>Reads <paramref name="body"/>; values of the wrong type count as absent.</summary>
    public static ChatRequestSettings Read(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new ChatRequestSettings(
            Integer(body["max_tokens"]) ?? Integer(body["max_completion_tokens"]),
            Number(body["temperature"]),
            Number(body["top_p"]),
            Integer(body["seed"]),
            body["stream"] is JsonValue stream && stream.TryGetValue<bool>(out var value) && value);
    }

    private static double? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;

    private static int? Integer(JsonNode? node) =>
        Number(node) is { } number && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;
}
