using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace K2Verifier.Validation.Json;

/// <summary>
/// Values found by a JSON member's name, without a string of the name: the member's UTF-8 as written is decoded onto the
/// stack and looked up (an escaped name, rare, is unescaped into a string first).
/// </summary>
internal sealed class MemberNameLookup<TValue>
{
    private const int MaxStackChars = 256;

    private readonly Dictionary<string, TValue> _byName;
    private readonly Dictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly int _maxLength;

    /// <param name="byName">The names (ordinal) and their values; the lookup keeps it.</param>
    public MemberNameLookup(Dictionary<string, TValue> byName)
    {
        _byName = byName;
        _bySpan = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxLength = byName.Count == 0 ? 0 : byName.Keys.Max(k => k.Length);
    }

    /// <summary>The value of <paramref name="member"/>'s name, when it is one of the names.</summary>
    public bool TryGetValue(JsonProperty member, out TValue value)
    {
        ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8PropertyName(member);
        if (raw.IndexOf((byte)'\\') >= 0)
        {
            return _byName.TryGetValue(member.Name, out value!);
        }

        // UTF-8 takes at least one byte per UTF-16 char: a longer name than every key in bytes may still be one in chars
        // only up to three bytes a char; past that it is none of them.
        if (raw.Length > _maxLength * 3)
        {
            value = default!;
            return false;
        }

        Span<char> name = raw.Length <= MaxStackChars ? stackalloc char[raw.Length] : new char[raw.Length];
        return _bySpan.TryGetValue(name[..Encoding.UTF8.GetChars(raw, name)], out value!);
    }
}
