namespace K2Verifier.OrtGenAI.Engine;

/// <summary>
/// Constrained decoding through GenAI's llguidance (<c>OgaGeneratorParamsSetGuidance</c>): the Enforcer builds one
/// per request. <paramref name="Type"/> is <c>lark_grammar</c>, <c>json_schema</c> or <c>regex</c>.
/// </summary>
/// <param name="Type">The guidance type, as GenAI names it.</param>
/// <param name="Data">The grammar, schema or pattern.</param>
/// <param name="EnableFastForward">Let the grammar emit forced tokens without a model step. Default: false.</param>
public sealed record GenerationGuidance(string Type, string Data, bool EnableFastForward = false)
{
    /// <summary>
    /// An upper bound, in UTF-8 bytes, on the text one fast-forward run can force (the Enforcer computes it from its
    /// grammar). The engine keeps that much room in the context for fast-forward. Default: null, the length of
    /// <see cref="Data"/>, a bound for any grammar.
    /// </summary>
    public int? MaxForcedRunBytes { get; init; }

    /// <summary>A Lark grammar (llguidance dialect; <c>%json { … }</c> embeds a JSON Schema).</summary>
    public static GenerationGuidance LarkGrammar(string grammar) => new("lark_grammar", grammar);

    /// <summary>Output must be JSON valid against <paramref name="schema"/>.</summary>
    public static GenerationGuidance JsonSchema(string schema) => new("json_schema", schema);

    /// <summary>Output must match <paramref name="pattern"/>.</summary>
    public static GenerationGuidance Regex(string pattern) => new("regex", pattern);
}
