namespace K2Verifier.LocalEngine.Serving;

/// <summary>
/// How many tokens a request may generate on a model with a fixed context: the request's <c>max_tokens</c>
/// (<see cref="DefaultMaxTokens"/> when absent), capped to what fits after the prompt. A prompt that leaves no room is
/// refused as an OpenAI-compatible server refuses it (<c>context_length_exceeded</c>, HTTP 400).
/// </summary>
public static class CompletionBudget
{
    /// <summary>Tokens generated when a request has neither <c>max_tokens</c> nor <c>max_completion_tokens</c>: 256.</summary>
    public const int DefaultMaxTokens = 256;

    /// <summary>
    /// The tokens left for the completion, or null with <paramref name="problem"/> set when the prompt fills the context.
    /// </summary>
    /// <param name="promptTokens">Tokens in the rendered prompt.</param>
    /// <param name="contextLength">The model's context length (prompt and completion together).</param>
    /// <param name="requested">The request's <c>max_tokens</c>, or null.</param>
    /// <param name="problem">Why the request cannot run (OpenAI's wording), or null.</param>
    public static int? Fit(int promptTokens, int contextLength, int? requested, out string? problem)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(promptTokens);
        ArgumentOutOfRangeException.ThrowIfLessThan(contextLength, 1);
        if (requested is < 1)
        {
            problem = $"invalid_request_error: max_tokens must be at least 1, got {requested}";
            return null;
        }

        if (promptTokens >= contextLength)
        {
            problem = $"context_length_exceeded: This model's maximum context length is {contextLength} tokens. "
                + $"However, your messages resulted in {promptTokens} tokens, which leaves no room for the completion. Please reduce the length of the messages.";
            return null;
        }

        problem = null;
        return Math.Min(requested ?? DefaultMaxTokens, contextLength - promptTokens);
    }
}
