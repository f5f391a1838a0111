namespace K2Verifier.Templates.Runtime;

/// <summary>Python equality and hashing for dict keys and <c>unique</c>: <c>1</c>, <c>1.0</c> and <c>True</c> are one key.</summary>
internal sealed class PyEqualityComparer : IEqualityComparer<object>
{
    public static PyEqualityComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => PyOps.Equal(x, y);

    public int GetHashCode(object obj) => obj switch
    {
        string s => StringComparer.Ordinal.GetHashCode(s),
        bool b => (b ? 1.0 : 0.0).GetHashCode(),
        long l => ((double)l).GetHashCode(),
        double d => d.GetHashCode(),
        PyTuple t => t.Aggregate(17, (h, item) => (h * 31) + (item is null ? 0 : GetHashCode(item))),
        _ => obj.GetHashCode(),
    };
}
