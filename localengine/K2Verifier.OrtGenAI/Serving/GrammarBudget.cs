using K2Verifier.OrtGenAI.Guidance;

namespace K2Verifier.OrtGenAI.Serving;

/// <summary>
/// Chooses the Enforcer's grammar bounds for a token budget: the configured bounds when their worst-case call
/// (<see cref="ToolCallSizeEstimate"/>) fits in the request's max_tokens, else the first tighter preset that fits,
/// else the tightest preset (the completion may then still end with <c>length</c>); then as many parallel calls as
/// fit at their worst case (at least one), and free text no longer than the budget.
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
        options = options with { MaxTextTokens = Math.Max(1, Math.Min(options.MaxTextTokens, maxNewTokens - 1)) };
        if (ToolCallSizeEstimate.WorstCaseTokens(tools, options) < maxNewTokens)
        {
            return WithCallsThatFit(tools, options, maxNewTokens);
        }

        foreach (var (strings, digits, items) in Presets)
        {
            options = options with
            {
                MaxStringLength = Math.Min(options.MaxStringLength, strings),
                MaxNumberDigits = Math.Min(options.MaxNumberDigits, digits),
                MaxArrayItems = Math.Min(options.MaxArrayItems, items),
            };
            if (ToolCallSizeEstimate.WorstCaseTokens(tools, options) < maxNewTokens)
            {
                break;
            }
        }

        return WithCallsThatFit(tools, options, maxNewTokens);
    }

    /// <summary>As many parallel calls as fit in the budget at their worst case (at least one, at most the configured count).</summary>
    private static ToolCallGrammarOptions WithCallsThatFit(IReadOnlyList<ToolDefinition> tools, ToolCallGrammarOptions options, int maxNewTokens)
    {
        var perCall = Math.Max(1, ToolCallSizeEstimate.WorstCaseTokens(tools, options));
        return options with { MaxCalls = Math.Clamp((maxNewTokens - 1) / perCall, 1, options.MaxCalls) };
    }
}
