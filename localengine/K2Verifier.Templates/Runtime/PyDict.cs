namespace K2Verifier.Templates.Runtime;

/// <summary>A Python dict: insertion-ordered, keys compared with Python equality (<c>1 == 1.0 == True</c>).</summary>
internal sealed class PyDict
{
    private readonly OrderedDictionary<object, object?> _items = new(PyEqualityComparer.Instance);

    public int Count => _items.Count;

    public IEnumerable<object> Keys => _items.Keys.Select(k => k is NoneKey ? null! : k);

    public IEnumerable<object?> Values => _items.Values;

    public IEnumerable<KeyValuePair<object?, object?>> Items =>
        _items.Select(p => new KeyValuePair<object?, object?>(p.Key is NoneKey ? null : p.Key, p.Value));

    public void Set(object? key, object? value) => _items[Wrap(key)] = value;

    public bool TryGet(object? key, out object? value)
    {
        if (key is List<object?> or PyDict)
        {
            throw JinjaError.Type($"unhashable type: '{PyRepr.TypeName(key)}'");
        }

        return _items.TryGetValue(Wrap(key), out value);
    }

    public bool ContainsKey(object? key)
    {
        return TryGet(key, out _);
    }

    private static object Wrap(object? key) => key ?? NoneKey.Instance;

    private sealed class NoneKey
    {
        public static NoneKey Instance { get; } = new();
    }
}
