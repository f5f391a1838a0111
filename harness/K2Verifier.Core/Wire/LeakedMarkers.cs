namespace K2Verifier.Wire;

/// <summary>Model-format markers that must never reach <c>content</c> or <c>reasoning_content</c>.</summary>
public static class LeakedMarkers
{
    /// <summary>The markers looked for (Kimi K2, Hermes/Qwen, DeepSeek, Llama, Mistral, reasoning tags, chat-turn tokens).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "<|tool_calls_section_begin|>", "<|tool_calls_section_end|>", "<|tool_call_begin|>", "<|tool_call_argument_begin|>", "<|tool_call_end|>",
        "<|im_end|>", "<|im_assistant|>", "<|im_middle|>", "<|im_start|>", "<|endoftext|>",
        "<tool_call>", "</tool_call>",
        "<｜tool▁calls▁begin｜>", "<｜tool▁call▁begin｜>", "<｜tool▁sep｜>", "<｜tool▁call▁end｜>", "<｜tool▁calls▁end｜>", "<｜end▁of▁sentence｜>",
        "<|python_tag|>", "<|eom_id|>", "<|eot_id|>", "[TOOL_CALLS]",
        "<think>", "</think>",
    ];

    /// <summary>Each marker found in <paramref name="text"/> with the position of its first occurrence, in text order.</summary>
    public static IEnumerable<(string Marker, int Index)> Find(string? text)
    {
        if (string.IsNullOrEmpty(text) || (!text.Contains('<', StringComparison.Ordinal) && !text.Contains('[', StringComparison.Ordinal)))
        {
            return [];
        }

        return All.Select(m => (Marker: m, Index: text.IndexOf(m, StringComparison.Ordinal))).Where(x => x.Index >= 0).OrderBy(x => x.Index);
    }
}
