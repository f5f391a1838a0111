using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace K2Verifier.Preparation;

/// <summary>
/// Rewrites historical tool-call ids to Kimi's official form <c>functions.NAME:IDX</c> (K2VV's advice to vendors).
/// IDX counts every historical call across the conversation from 0, in order; NAME is the called function.
/// Every call is re-indexed this way, including ids already in the official form, so a conversation is either
/// untouched (its ids were already canonical) or consistently renumbered; the rewrite is idempotent.
/// A <c>tool</c> message's <c>tool_call_id</c> follows the latest earlier call that had that id; a tool message
/// answering no earlier call is left alone and reported in <see cref="ToolIdNormalization.UnmatchedToolCallIds"/>.
/// </summary>
public static class ToolIdNormalizer
{
    /// <summary>The canonical id of the call at <paramref name="index"/> (0-based across the conversation).</summary>
    public static string CanonicalId(string functionName, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"functions.{functionName}:{index}");

    /// <summary>Rewrites the ids of <paramref name="messages"/> in place.</summary>
    public static ToolIdNormalization Normalize(JsonArray messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var latest = new Dictionary<string, string>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        var index = 0;
        var rewritten = 0;
        foreach (var message in messages.OfType<JsonObject>())
        {
            var role = StringOf(message["role"]);
            if (role == "assistant" && message["tool_calls"] is JsonArray calls)
            {
                foreach (var call in calls.OfType<JsonObject>())
                {
                    var name = StringOf((call["function"] as JsonObject)?["name"]) ?? string.Empty;
                    var canonical = CanonicalId(name, index++);
                    if (StringOf(call["id"]) is { } oldId)
                    {
                        latest[oldId] = canonical;
                        if (oldId == canonical)
                        {
                            continue;
                        }
                    }

                    call["id"] = canonical;
                    rewritten++;
                }
            }
            else if (role == "tool" && StringOf(message["tool_call_id"]) is { } answered)
            {
                if (!latest.TryGetValue(answered, out var canonical))
                {
                    unmatched.Add(answered);
                }
                else if (canonical != answered)
                {
                    message["tool_call_id"] = canonical;
                    rewritten++;
                }
            }
        }

        return new ToolIdNormalization(rewritten, unmatched);
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
