namespace K2Verifier.OrtGenAI.Engine;

/// <summary>Sampling and limits for one <see cref="OrtGenAIEngine.GenerateAsync(IReadOnlyList{int}, GenerationOptions, CancellationToken)"/> call.</summary>
public sealed record GenerationOptions
{
    /// <summary>The most tokens to generate (the request's <c>max_tokens</c>), capped by the context length. Default: 256.</summary>
    public int MaxNewTokens { get; init; } = 256;

    /// <summary>Greedy search (argmax, deterministic). Default: false. A <see cref="Temperature"/> of 0 also means greedy.</summary>
    public bool Greedy { get; init; }

    /// <summary>Sampling temperature. Default: null (GenAI's default, 1.0, or the model's genai_config search block).</summary>
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling mass. Default: null (GenAI's default).</summary>
    public double? TopP { get; init; }

    /// <summary>Sample among the k most likely tokens. Default: null (GenAI's default).</summary>
    public int? TopK { get; init; }

    /// <summary>The sampler's seed (<c>random_seed</c>) for reproducible sampling. Default: null (GenAI seeds randomly).</summary>
    public int? Seed { get; init; }

    /// <summary>Constrained decoding (the Enforcer). Default: null, unconstrained.</summary>
    public GenerationGuidance? Guidance { get; init; }

    /// <summary>
    /// Write special tokens other than EOS into <see cref="GenerationResult.Text"/> and the streamed token texts (see
    /// <see cref="OrtGenAIEngine.DetokenizeKeepingSpecialTokens"/>). Default: false, GenAI's decoding, which drops them.
    /// </summary>
    public bool KeepSpecialTokens { get; init; }

    /// <summary>Called on the generating thread after every token (streaming, time to first token). Default: null.</summary>
    public Action<GeneratedToken>? OnToken { get; init; }

    /// <summary>True when the search is greedy: <see cref="Greedy"/> or a temperature of 0.</summary>
    public bool IsGreedy => Greedy || Temperature is 0;
}
