namespace K2Verifier.Templates.Runtime;

/// <summary>
/// A variable frame. The template, each loop iteration, each macro call and each <c>with</c> block get their own;
/// <c>if</c> does not, so a <c>set</c> inside an <c>if</c> is seen after it but a <c>set</c> inside a loop is not.
/// </summary>
internal sealed class Scope
{
    private readonly Dictionary<string, object?> _variables = new(StringComparer.Ordinal);

    public Scope(Scope? parent)
    {
        Parent = parent;
    }

    public Scope? Parent { get; }

    public bool TryLookup(string name, out object? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._variables.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    public object? Lookup(string name) => TryLookup(name, out var value) ? value : new Undefined(name);

    public void Set(string name, object? value) => _variables[name] = value;
}
