namespace K2Verifier.OrtGenAI.Engine;

/// <summary>One generated token as it streams out.</summary>
/// <param name="Index">0 for the first generated token.</param>
/// <param name="TokenId">The token id.</param>
/// <param name="Text">The text this token completes (streaming detokenizer; may be empty mid-character; empty without a tokenizer).</param>
/// <param name="Elapsed">Time since generation started (generator set-up and prompt processing included).</param>
public sealed record GeneratedToken(int Index, int TokenId, string Text, TimeSpan Elapsed);
