namespace K2Verifier.OrtGenAI.Engine;

/// <summary>The outcome of one generation.</summary>
public sealed record GenerationResult
{
    /// <summary>The completion's text, without a final EOS token; empty when the model has no tokenizer.</summary>
    public required string Text { get; init; }

    /// <summary>The generated token ids, a final EOS token included (it counts as a completion token).</summary>
    public required IReadOnlyList<int> TokenIds { get; init; }

    /// <summary>Tokens in the prompt.</summary>
    public required int PromptTokenCount { get; init; }

    /// <summary><see cref="GenerationFinishReason.Stop"/> on EOS, <see cref="GenerationFinishReason.Length"/> at the limit.</summary>
    public required GenerationFinishReason FinishReason { get; init; }

    /// <summary>From the start (generator set-up, grammar compilation, prompt processing) to the first generated token.</summary>
    public required TimeSpan TimeToFirstToken { get; init; }

    /// <summary>From the start to the last token.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Generated tokens.</summary>
    public int CompletionTokenCount => TokenIds.Count;

    /// <summary><c>stop</c> or <c>length</c>, as an OpenAI response carries it.</summary>
    public string FinishReasonText => FinishReason == GenerationFinishReason.Stop ? "stop" : "length";

    /// <summary>Tokens per second after the first one (the decode rate); 0 with fewer than two tokens.</summary>
    public double DecodeTokensPerSecond =>
        CompletionTokenCount < 2 || Duration <= TimeToFirstToken ? 0 : (CompletionTokenCount - 1) / (Duration - TimeToFirstToken).TotalSeconds;
}
