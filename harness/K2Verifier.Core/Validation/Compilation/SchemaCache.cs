using System.Collections.Concurrent;

namespace K2Verifier.Validation.Compilation;

/// <summary>
/// Compiled schemas keyed by the schema's UTF-8 JSON text; lookups by span allocate nothing. Thread-safe; cleared
/// when it reaches its capacity (tool schemas repeat, so the working set refills at once). The entries are counted
/// here, not with <c>ConcurrentDictionary.Count</c>, which takes every one of the dictionary's locks (up to 1,024 as it
/// grows): asked once per compilation, that was 18 % of the CPU of <c>schema validate</c> on 15,745 distinct schemas.
/// </summary>
internal sealed class SchemaCache
{
    private readonly ConcurrentDictionary<byte[], CompiledSchema> _entries = new(Utf8KeyComparer.Instance);
    private readonly ConcurrentDictionary<byte[], CompiledSchema>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly int _capacity;
    private int _added;

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
        if (Volatile.Read(ref _added) >= _capacity)
        {
            // Racing callers may clear twice or count an entry of the old set: the bound holds give or take those callers.
            _entries.Clear();
            Volatile.Write(ref _added, 0);
        }

        var entry = _entries.GetOrAdd(key.ToArray(), compiled);
        if (ReferenceEquals(entry, compiled))
        {
            Interlocked.Increment(ref _added);
        }

        return entry;
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
