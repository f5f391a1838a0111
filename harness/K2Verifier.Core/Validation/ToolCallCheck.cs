namespace K2Verifier.Validation;

/// <summary>The verdict on one tool call (results.jsonl <c>tool_call_checks[]</c>).</summary>
/// <param name="Index">Position of the call in the response (0 for the single check of an empty list).</param>
/// <param name="Name">The function name the call gave, when any.</param>
/// <param name="Valid">True when the call names a declared tool and its arguments satisfy its schema.</param>
/// <param name="Category">Null when valid; otherwise one of <see cref="ToolCallErrorCategory"/>.</param>
/// <param name="InstancePath">For schema violations: JSON Pointer into the arguments.</param>
/// <param name="Keyword">For schema violations: the failing keyword (e.g. <c>required</c>).</param>
/// <param name="Message">A human-readable reason.</param>
public sealed record ToolCallCheck(
    int Index,
    string? Name,
    bool Valid,
    string? Category = null,
    string? InstancePath = null,
    string? Keyword = null,
    string? Message = null);
