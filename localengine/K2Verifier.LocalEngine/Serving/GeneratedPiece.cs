namespace K2Verifier.LocalEngine.Serving;

/// <summary>The text one generated token completed, and when it came out.</summary>
/// <param name="Text">The text (may be empty mid-character or for an EOS token).</param>
/// <param name="Elapsed">Time since the request started.</param>
public sealed record GeneratedPiece(string Text, TimeSpan Elapsed);
