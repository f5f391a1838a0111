using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace K2Verifier.Sharding;

/// <summary>
/// One slice of a dataset: shard <see cref="Index"/> (0-based) of <see cref="Count"/>. A request belongs to the shard its
/// identity (the K2VV request hash) falls in, so the assignment is deterministic, needs no coordination between
/// machines, and does not change when lines are appended to the dataset; every category is spread over the shards in
/// proportion (in expectation, as a uniform hash does).
/// </summary>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>Parses <c>I/N</c> (0 ≤ I &lt; N); null with a problem when it is not one.</summary>
    public static ShardSpec? Parse(string text, string source, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return Create(index, count, source, out problem);
        }

        problem = $"{source} \"{text}\" is not a shard: expected I/N with 0 <= I < N, e.g. 0/4";
        return null;
    }

    /// <summary>Shard <paramref name="index"/> of <paramref name="count"/>; null with a problem when out of range.</summary>
    public static ShardSpec? Create(int index, int count, string source, out string? problem)
    {
        if (count is < 1 or > 10_000)
        {
            problem = $"{source}: shard count {count} is out of range (1 to 10000)";
            return null;
        }

        if (index < 0 || index >= count)
        {
            problem = $"{source}: shard index {index} is out of range (0 to {count - 1} for {count} shards)";
            return null;
        }

        problem = null;
        return new ShardSpec(index, count);
    }

    /// <summary>True when the request with this K2VV hash belongs to this shard.</summary>
    public bool Contains(string requestHash) => Of(requestHash, Count) == Index;

    /// <summary>The shard (0..count-1) a request hash falls in: its first 64 bits modulo the count.</summary>
    public static int Of(string requestHash, int count)
    {
        ArgumentNullException.ThrowIfNull(requestHash);
        if (requestHash.Length < 16 || !ulong.TryParse(requestHash.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bits))
        {
            // Not an md5 hex digest (a foreign journal): hash the text itself, still deterministic.
            bits = BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(requestHash)));
        }

        return (int)(bits % (ulong)count);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
