using System.Text.Json;

namespace K2Verifier.Normalization;

/// <summary>
/// A response reduced to what scoring needs, with the response object results.jsonl records (the body as received,
/// or for a stream the chat.completion K2VV builds from its deltas).
/// </summary>
public sealed record NormalizedResponse
{
    /// <summary><c>choices[0].finish_reason</c>; null when the response has no choices. Streams without one get <c>stop</c>.</summary>
    public string? FinishReason { get; init; }

    /// <summary><c>choices[0].message.tool_calls</c>; null when absent or null.</summary>
    public IReadOnlyList<NormalizedToolCall>? ToolCalls { get; init; }

    /// <summary>The assistant text, when any.</summary>
    public string? Content { get; init; }

    /// <summary>The reasoning text (<c>reasoning_content</c>), when any.</summary>
    public string? ReasoningContent { get; init; }

    /// <summary>Token usage: the top-level <c>usage</c> (for streams the final usage chunk), else <c>choices[0].usage</c>.</summary>
    public TokenUsage? Usage { get; init; }

    /// <summary>The response object as JSON, as results.jsonl records it.</summary>
    public required string ResponseJson { get; init; }

    /// <summary>Irregularities found while reading (non-JSON stream events, missing [DONE], ...).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The response object as normalisation parsed it (an element of a document that needs no disposing), so the wire
    /// checks read it without parsing <see cref="ResponseJson"/> again; <see cref="JsonValueKind.Undefined"/> when the
    /// response is not JSON. Default: undefined.
    /// </summary>
    public JsonElement Response { get; init; }
}
