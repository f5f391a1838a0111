namespace K2Verifier.Templates.Runtime;

/// <summary>A callable value: a global (<c>range</c>, <c>namespace</c>), a bound method (<c>str.split</c>) or a macro.</summary>
internal sealed class PyFunction
{
    private readonly Func<CallArguments, object?> _body;

    public PyFunction(string name, Func<CallArguments, object?> body)
    {
        Name = name;
        _body = body;
    }

    public string Name { get; }

    public object? Invoke(CallArguments arguments) => _body(arguments);
}
