using Microsoft.ML.Tokenizers;

namespace K2Verifier.LocalEngine.Simulation;

/// <summary>
/// The simulator's tokenizer, which counts <c>usage.prompt_tokens</c> from the rendered prompt: OpenAI's o200k_base
/// BPE (Microsoft.ML.Tokenizers.Data.O200kBase) with the Kimi K2 chat markers added as special tokens, one token each.
/// A stand-in for Kimi K2's own tiktoken.model, which is not shipped here; the tokens suite counts with the same one.
/// </summary>
public static class SimulatorTokenizer
{
    /// <summary>The Kimi K2 markers the simulator's template and tool-call format write.</summary>
    public static IReadOnlyList<string> Markers { get; } =
    [
        "<|im_system|>", "<|im_user|>", "<|im_assistant|>", "<|im_middle|>", "<|im_end|>",
        "<|tool_calls_section_begin|>", "<|tool_calls_section_end|>", "<|tool_call_begin|>", "<|tool_call_argument_begin|>", "<|tool_call_end|>",
    ];

    private static readonly Lazy<Tokenizer> Shared = new(() =>
        TiktokenTokenizer.CreateForEncoding("o200k_base", Markers.Select((m, i) => (m, 200_100 + i)).ToDictionary(p => p.m, p => p.Item2, StringComparer.Ordinal)));

    /// <summary>The tokenizer (loaded once, thread-safe).</summary>
    public static Tokenizer Instance => Shared.Value;

    /// <summary>Tokens in <paramref name="text"/>, markers counted as one each.</summary>
    public static int Count(string text) => Instance.CountTokens(text);
}
