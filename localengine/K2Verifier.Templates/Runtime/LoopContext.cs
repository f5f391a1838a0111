namespace K2Verifier.Templates.Runtime;

/// <summary>The <c>loop</c> variable of a <c>{% for %}</c>: index, first/last, length, neighbours, <c>cycle</c>.</summary>
internal sealed class LoopContext
{
    private readonly IReadOnlyList<object?> _items;
    private object? _lastChanged = new();

    public LoopContext(IReadOnlyList<object?> items)
    {
        _items = items;
    }

    public int Index0 { get; set; }

    public object? GetAttribute(string name)
    {
        var length = _items.Count;
        return name switch
        {
            "index" => (long)Index0 + 1,
            "index0" => (long)Index0,
            "revindex" => (long)(length - Index0),
            "revindex0" => (long)(length - Index0 - 1),
            "first" => Index0 == 0,
            "last" => Index0 == length - 1,
            "length" => (long)length,
            "depth" => 1L,
            "depth0" => 0L,
            "previtem" => Index0 > 0 ? _items[Index0 - 1] : new Undefined("there is no previous item", hint: "there is no previous item"),
            "nextitem" => Index0 + 1 < length ? _items[Index0 + 1] : new Undefined("there is no next item", hint: "there is no next item"),
            "cycle" => new PyFunction("loop.cycle", Cycle),
            "changed" => new PyFunction("loop.changed", Changed),
            _ => new Undefined(name, this, hasOwner: true),
        };
    }

    private object? Cycle(CallArguments arguments)
    {
        if (arguments.Positional.Count == 0)
        {
            throw JinjaError.Type("no items for cycling given");
        }

        return arguments.Positional[Index0 % arguments.Positional.Count];
    }

    private object? Changed(CallArguments arguments)
    {
        var value = new PyTuple([.. arguments.Positional]);
        if (_lastChanged is PyTuple previous && PyOps.Equal(previous, value))
        {
            return false;
        }

        _lastChanged = value;
        return true;
    }
}
