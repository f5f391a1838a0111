namespace K2Verifier.OrtGenAI.Batching;

/// <summary>What the engine produced for one <see cref="BatchedRequest"/>: the tokens (a sampled EOS last) and whether it stopped.</summary>
internal sealed record BatchedOutcome(IReadOnlyList<int> Tokens, bool Stopped, TimeSpan TimeToFirstToken, TimeSpan Duration);
