using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace K2Verifier.Json;

/// <summary>
/// Serialises JSON exactly as Python's <c>json.dumps(obj, sort_keys=True, ensure_ascii=False)</c> does after
/// <c>json.loads</c>: separators <c>", "</c> and <c>": "</c>, keys sorted by code point, integers kept, other numbers
/// as Python floats (<c>1.0</c>, <c>1e-05</c>), only <c>"</c>, <c>\</c> and control characters escaped.
/// K2-Vendor-Verifier hashes requests this way, so incremental runs can share result files with it.
/// </summary>
public static class PythonJson
{
    /// <summary>Python's <c>json.dumps(value, sort_keys=True, ensure_ascii=False)</c>.</summary>
    public static string Dumps(JsonElement value)
    {
        using var buffer = new PooledBuffer<byte>(1024);
        PythonJsonUtf8Writer.Write(value, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// md5 (lower-case hex) of <c>json.dumps(value, sort_keys=True, ensure_ascii=False).encode("utf-8")</c>, written
    /// and hashed in a pooled buffer: K2VV's request hash.
    /// </summary>
#pragma warning disable CA5351 // md5 is K2VV's row identity for incremental runs, not a security measure.
    public static string Md5Hex(JsonElement value)
    {
        using var buffer = new PooledBuffer<byte>(8192);
        PythonJsonUtf8Writer.Write(value, buffer);
        return Md5Hex(buffer);
    }

    /// <summary>
    /// <see cref="Md5Hex(JsonElement)"/> of the object made of <paramref name="properties"/> (distinct names, already in
    /// code-point order), written without building the object.
    /// </summary>
    internal static string Md5Hex(ReadOnlySpan<(byte[] Name, JsonElement Value)> properties)
    {
        using var buffer = new PooledBuffer<byte>(8192);
        PythonJsonUtf8Writer.WriteObject(properties, buffer);
        return Md5Hex(buffer);
    }

    /// <summary>md5 (hex) of <paramref name="written"/>'s bytes.</summary>
    internal static string Md5Hex(PooledBuffer<byte> written) => Md5Hex(written.WrittenSpan);

    /// <summary>md5 (hex) of <paramref name="bytes"/>.</summary>
    internal static string Md5Hex(ReadOnlySpan<byte> bytes)
    {
        Span<byte> digest = stackalloc byte[MD5.HashSizeInBytes];
        MD5.HashData(bytes, digest);
        return Convert.ToHexStringLower(digest);
    }
#pragma warning restore CA5351
}
