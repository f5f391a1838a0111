using System.Buffers;
using System.Text;

namespace K2Verifier.Json;

/// <summary>
/// The characters Python's <c>json.dumps(ensure_ascii=False)</c> escapes, all ASCII: <c>"</c>, <c>\</c> and the C0
/// controls (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\b</c>, <c>\f</c> by name, the rest as <c>\u00XX</c>). Every other
/// character, U+007F and non-ASCII included, is written as it is.
/// </summary>
internal static class PythonEscapes
{
    private static readonly byte[][] Sequences = BuildSequences();

    /// <summary>The bytes that need escaping in UTF-8 text (never part of a multi-byte sequence).</summary>
    public static SearchValues<byte> NeedsEscape { get; } = SearchValues.Create(BuildEscapedBytes());

    /// <summary>The escape sequence for one of the <see cref="NeedsEscape"/> bytes.</summary>
    public static ReadOnlySpan<byte> Escape(byte value) => Sequences[value == '"' ? 32 : value == '\\' ? 33 : value];

    private static byte[] BuildEscapedBytes()
    {
        var bytes = new byte[34];
        for (var i = 0; i < 32; i++)
        {
            bytes[i] = (byte)i;
        }

        bytes[32] = (byte)'"';
        bytes[33] = (byte)'\\';
        return bytes;
    }

    private static byte[][] BuildSequences()
    {
        var sequences = new byte[34][];
        for (var i = 0; i < 32; i++)
        {
            sequences[i] = Encoding.ASCII.GetBytes(i switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ => $"\\u{i:x4}",
            });
        }

        sequences[32] = "\\\""u8.ToArray();
        sequences[33] = "\\\\"u8.ToArray();
        return sequences;
    }
}
