using System.Text;

namespace K2Verifier.Json;

/// <summary>A UTF-8 byte order mark opening text that is read in blocks, matched block by block (a mark may be split).</summary>
internal static class Utf8Bom
{
    /// <summary>The mark's length in bytes.</summary>
    public const int Length = 3;

    /// <summary>
    /// Matches the start of <paramref name="text"/> against the mark's bytes after the first <paramref name="matched"/>
    /// (advanced as they match); returns how many bytes of <paramref name="text"/> were taken. The whole mark is matched
    /// when <paramref name="matched"/> reaches 3; when it stops short with bytes of <paramref name="text"/> left, the
    /// bytes taken so far were text after all.
    /// </summary>
    public static int Match(ReadOnlySpan<byte> text, ref int matched)
    {
        var mark = Encoding.UTF8.Preamble;
        var taken = 0;
        while (taken < text.Length && matched < mark.Length && text[taken] == mark[matched])
        {
            taken++;
            matched++;
        }

        return taken;
    }

    /// <summary>The first <paramref name="count"/> bytes of the mark (those taken for one that was not).</summary>
    public static ReadOnlySpan<byte> Start(int count) => Encoding.UTF8.Preamble[..count];
}
