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
}
