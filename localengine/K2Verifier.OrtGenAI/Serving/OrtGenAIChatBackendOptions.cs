using K2Verifier.OrtGenAI.Guidance;

namespace K2Verifier.OrtGenAI.Serving;

/// <summary>How <see cref="OrtGenAIChatBackend"/> answers requests.</summary>
public sealed record OrtGenAIChatBackendOptions
{
    /// <summary>The model name responses report when a request names none (<c>--model</c>, else the folder's name).</summary>
    public required string ModelName { get; init; }

    /// <summary>
    /// Constrain decoding with the Enforcer (<c>--enforce</c>): per request, <see cref="ToolCallEnforcer.Build"/> from its
    /// <c>tools</c> and <c>tool_choice</c> in the tool-call format. Default: false.
    /// </summary>
    public bool Enforce { get; init; }

    /// <summary>
    /// The Enforcer's grammar bounds, tightened per request so a call fits in its token budget (see
    /// <see cref="GrammarBudget"/>). Default: null, <see cref="ToolCallGrammarOptions"/>'s defaults.
    /// </summary>
    public ToolCallGrammarOptions? Grammar { get; init; }

    /// <summary>The sampler's seed when a request has no <c>seed</c>. Default: null (GenAI seeds randomly).</summary>
    public int? Seed { get; init; }

    /// <summary>The clock for durations and time to first token. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
