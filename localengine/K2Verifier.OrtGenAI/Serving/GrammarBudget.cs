using K2Verifier.OrtGenAI.Guidance;

namespace K2Verifier.OrtGenAI.Serving;

/// <summary>
/// Chooses the Enforcer's grammar bounds for a token budget: the configured bounds when their worst-case call
/// (<see cref="ToolCallSizeEstimate"/>) fits in the request's max_tokens, else the first tighter preset that fits,
/// else the tightest preset (the completion may then still end with <c>length</c>).
/// </summary>
public static class GrammarBudget
{
    /// <summary>Tighter presets tried in order: (string length, number digits, array items).</summary>
    private static readonly (int Strings, int Digits, int Items)[] Presets = [(12, 4, 2), (6, 3, 1), (2, 2, 1)];

    /// <summary>The bounds to build the grammar with.</summary>
    /// <param name="tools">The tools the call may name.</param>
    /// <param name="configured">The bounds asked for (defaults when null).</param>
    /// <param name="maxNewTokens">Tokens the completion may take (an EOS token after the call included).</param>
    public static ToolCallGrammarOptions Fit(IReadOnlyList<ToolDefinition> tools, ToolCallGrammarOptions? configured, int maxNewTokens)
    {
        ArgumentNullException.ThrowIfNull(tools);
        var options = configured ?? new ToolCallGrammarOptions();
        if (ToolCallSizeEstimate.WorstCaseTokens(tools, options) < maxNewTokens)
        {
            return options;
        }

        foreach (var (strings, digits, items) in Presets)
        {
            var tighter = options with
            {
                MaxStringLength = Math.Min(options.MaxStringLength, strings),
                MaxNumberDigits = Math.Min(options.MaxNumberDigits, digits),
                MaxArrayItems = Math.Min(options.MaxArrayItems, items),
            };
            options = tighter;
            if (ToolCallSizeEstimate.WorstCaseTokens(tools, tighter) < maxNewTokens)
            {
                break;
            }
        }

        return options;
    }
}
