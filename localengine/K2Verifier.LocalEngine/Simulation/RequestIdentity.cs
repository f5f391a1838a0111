using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Json;

namespace K2Verifier.LocalEngine.Simulation;

/// <summary>
/// What makes two chat-completion requests the same question to the simulator: the md5 (K2VV's hash, Python-style
/// serialisation) of their <c>messages</c> (with <c>_input</c> sent as <c>system</c>), <c>tools</c>, <c>tool_choice</c>
/// and <c>stream</c>. Fields a run rewrites (<c>model</c>, <c>stream_options</c>, <c>temperature</c>, <c>max_tokens</c>,
/// the extra body) are left out, so the same dataset line is recognised whatever overrides the run applies.
/// </summary>
public static class RequestIdentity
{
    private static readonly string[] Fields = ["messages", "tools", "tool_choice", "stream"];

    /// <summary>The identity of a request body.</summary>
    public static string Of(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var key = new JsonObject();
        foreach (var field in Fields)
        {
            if (body[field] is { } value && (field != "stream" || value.GetValueKind() == JsonValueKind.True))
            {
                key[field] = value.DeepClone();
            }
        }

        if (key["messages"] is JsonArray messages)
        {
            foreach (var message in messages.OfType<JsonObject>())
            {
                if (message["role"] is JsonValue role && role.TryGetValue<string>(out var name) && name == "_input")
                {
                    message["role"] = "system";
                }
            }
        }

        using var document = JsonDocument.Parse(key.ToJsonString());
        return PythonJson.Md5Hex(document.RootElement);
    }
}
