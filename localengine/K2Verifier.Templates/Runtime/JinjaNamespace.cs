namespace K2Verifier.Templates.Runtime;

/// <summary>The object <c>namespace(...)</c> returns: attributes assignable with <c>{% set ns.attr = … %}</c>.</summary>
internal sealed class JinjaNamespace
{
    public Dictionary<string, object?> Attributes { get; } = new(StringComparer.Ordinal);
}
