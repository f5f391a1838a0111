using System.Collections;

namespace K2Verifier.Templates.Runtime;

/// <summary>A Python tuple: an immutable sequence that prints as <c>(a, b)</c> and never equals a list.</summary>
internal sealed class PyTuple : IReadOnlyList<object?>
{
    private readonly object?[] _items;

    public PyTuple(params object?[] items)
    {
        _items = items;
    }

    public static PyTuple Empty { get; } = new();

    public int Count => _items.Length;

    public object? this[int index] => _items[index];

    public IEnumerator<object?> GetEnumerator() => ((IEnumerable<object?>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
