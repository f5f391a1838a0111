namespace K2Verifier.Suites.Tokens;

/// <summary>
/// Our prompt-token counts for one request: the correct render, and the renders of the known integration bugs (the
/// generation-prompt opener dropped; <c>content: ""</c> promoted to a parts list the template prints) so a count outside
/// the window can be named.
/// </summary>
/// <param name="Expected">Tokens of the correct render (with the generation prompt).</param>
/// <param name="WithoutGenerationPrompt">Tokens when <c>add_generation_prompt</c> is dropped (bug 1).</param>
/// <param name="PrintedParts">Tokens when parts lists (and empty contents promoted to one) are printed as text (bug 2); null when the request has neither.</param>
/// <param name="Both">Tokens with both bugs; null when the request has neither.</param>
/// <param name="Problem">Why the request could not be rendered, when it could not.</param>
public sealed record TokenExpectation(int Expected, int WithoutGenerationPrompt, int? PrintedParts, int? Both, string? Problem = null)
{
    /// <summary>KVV's window above our count: a vendor may add up to this many tokens (e.g. a BOS) and still pass.</summary>
    public const int Window = 3;

    /// <summary>The opener's tokens: what dropping the generation prompt removes.</summary>
    public int OpenerTokens => Expected - WithoutGenerationPrompt;

    /// <summary>True when <paramref name="count"/> is within [<paramref name="expected"/>, <paramref name="expected"/> + 3].</summary>
    public static bool InWindow(long count, int expected) => count >= expected && count <= expected + Window;
}
