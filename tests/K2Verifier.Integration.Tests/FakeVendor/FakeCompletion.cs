namespace K2Verifier.Integration.Tests.FakeVendor;

/// <summary>
/// What the fake model "said": rendered as a <c>chat.completion</c> (or <c>text_completion</c>) body, or as SSE
/// chunks when the request asks for a stream.
/// </summary>
public sealed record FakeCompletion
{
    /// <summary>The assistant text (null: <c>"content": null</c>).</summary>
    public string? Content { get; init; }

    /// <summary>Thinking text, sent as <c>reasoning_content</c> (omitted when null).</summary>
    public string? ReasoningContent { get; init; }

    /// <summary>Tool calls; null omits the field, an empty list sends <c>"tool_calls": []</c>.</summary>
    public IReadOnlyList<FakeToolCall>? ToolCalls { get; init; }

    /// <summary>The finish_reason. Default: <c>stop</c>.</summary>
    public string FinishReason { get; init; } = "stop";

    /// <summary>Usage reported. Defaults: 12 prompt and 7 completion tokens.</summary>
    public int PromptTokens { get; init; } = 12;

    /// <inheritdoc cref="PromptTokens"/>
    public int CompletionTokens { get; init; } = 7;

    /// <summary>How many SSE deltas each piece of text (content, reasoning, each call's arguments) is split into. Default: 3.</summary>
    public int ChunksPerText { get; init; } = 3;
}
