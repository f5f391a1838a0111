using System.Text.Json.Nodes;

namespace K2Verifier.Preparation;

/// <summary>How dataset requests are prepared before sending (K2VV's overrides).</summary>
public sealed record PreparationOptions
{
    /// <summary>Replaces each request's <c>model</c> when set. Default: null (keep the dataset's).</summary>
    public string? Model { get; init; }

    /// <summary>Overrides <c>temperature</c> when set (written as a Python float, as K2VV does). Default: null.</summary>
    public double? Temperature { get; init; }

    /// <summary>Overrides <c>max_tokens</c> when set. Default: null.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Merged into the body on the wire (top-level keys win), recorded apart from the request. Default: none.</summary>
    public JsonObject? ExtraBody { get; init; }

    /// <summary>
    /// Rewrites historical tool-call ids to <c>functions.NAME:IDX</c> in assistant <c>tool_calls</c> and the matching
    /// <c>tool</c> messages (see <see cref="ToolIdNormalizer"/>); the rewritten request is what is sent and hashed.
    /// Default: false (requests are sent as the dataset has them, as K2VV does).
    /// </summary>
    public bool NormalizeToolIds { get; init; }
}
