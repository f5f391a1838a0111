namespace K2Verifier.LocalEngine.Serving;

/// <summary>What an in-process engine generated for one chat request, before it is shaped as an OpenAI response.</summary>
public sealed record GeneratedCompletion
{
    /// <summary>The response id (<c>chatcmpl-…</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Unix seconds when the response was created.</summary>
    public required long Created { get; init; }

    /// <summary>The model name the response reports.</summary>
    public required string Model { get; init; }

    /// <summary>The whole completion text (without a final EOS token).</summary>
    public required string Text { get; init; }

    /// <summary>The text token by token with timings, for streams; their concatenation is <see cref="Text"/>.</summary>
    public IReadOnlyList<GeneratedPiece> Pieces { get; init; } = [];

    /// <summary>True when generation stopped at the token limit rather than on EOS.</summary>
    public required bool HitLength { get; init; }

    /// <summary>Tokens in the prompt.</summary>
    public required int PromptTokens { get; init; }

    /// <summary>Tokens generated (a final EOS included).</summary>
    public required int CompletionTokens { get; init; }
}
