using System.Text.Json;
using K2Verifier.Validation.Evaluation;

namespace K2Verifier.Validation.Keywords;

/// <summary>
/// <c>$ref</c> and <c>$dynamicRef</c>, resolved when the schema is compiled. As in python's <c>referencing</c>, a
/// reference whose target is a <c>$dynamicAnchor</c> resolves to the outermost resource in the dynamic scope that
/// declares that dynamic anchor. An unresolvable reference is a schema fault when (and only when) it is reached.
/// </summary>
internal sealed class RefKeyword : Keyword
{
    private readonly string _sourceBase;
    private SchemaNode? _target;
    private string _targetResource = string.Empty;
    private string? _dynamicName;
    private IReadOnlyDictionary<(string Uri, string Name), SchemaNode>? _dynamicAnchors;
    private string? _error;

    public RefKeyword(string name, string sourceBase)
        : base(name) => _sourceBase = sourceBase;

    public void Resolve(SchemaNode target, string targetResource, string? dynamicName)
    {
        _target = target;
        _targetResource = targetResource;
        _dynamicName = dynamicName;
    }

    public void Fail(string error) => _error = error;

    /// <summary>Supplies the compiled <c>$dynamicAnchor</c> table once the whole compilation is done.</summary>
    public void SetDynamicAnchors(IReadOnlyDictionary<(string Uri, string Name), SchemaNode> anchors) => _dynamicAnchors = anchors;

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (_error is not null)
        {
            context.Fault(string.Empty, Name, _error);
            return false;
        }

        var target = _target!;
        if (_dynamicName is not null && _dynamicAnchors is not null)
        {
            for (var scope = context.Scope; scope is not null; scope = scope.Outer)
            {
                if (_dynamicAnchors.TryGetValue((scope.BaseUri, _dynamicName), out var outer))
                {
                    target = outer;
                }
            }
        }

        var saved = context.Scope;
        if (context.TrackDynamicScope && _sourceBase.Length > 0 && (saved is null || _targetResource != _sourceBase))
        {
            context.Scope = new DynamicScope(_sourceBase, saved);
        }

        var valid = Descend(target, instance, context, annotations);
        context.Scope = saved;
        return valid;
    }
}
