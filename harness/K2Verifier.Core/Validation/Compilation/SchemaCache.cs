using System.Collections.Concurrent;

namespace K2Verifier.Validation.Compilation;

/// <summary>
/// Compiled schemas keyed by the schema's UTF-8 JSON text; lookups by span allocate nothing. Thread-safe; cleared
/// when it reaches its capacity (tool schemas repeat, so the working set refills at once).
/// </summary>
internal sealed class SchemaCache
{
    private readonly ConcurrentDictionary<byte[], CompiledSchema> _entries = new(Utf8KeyComparer.Instance);
    private readonly ConcurrentDictionary<byte[], CompiledSchema>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly int _capacity;

    public SchemaCache(int capacity)
    {
        _capacity = Math.Max(1, capacity);
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public int Count => _entries.Count;

    public CompiledSchema GetOrAdd(ReadOnlySpan<byte> key, Func<CompiledSchema> compile)
    {
        if (_lookup.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var compiled = compile();
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(key.ToArray(), compiled);
    }

    private sealed class Utf8KeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly Utf8KeyComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => Hash(obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

        private static int Hash(ReadOnlySpan<byte> bytes)
        {
            var hash = default(HashCode);
            hash.AddBytes(bytes);
            return hash.ToHashCode();
        }
    }
}
