using System.Runtime.InteropServices;
using System.Text.Json;

namespace K2Verifier.Validation.Json;

/// <summary>String length in code points (Python's <c>len(str)</c>), without allocating for unescaped strings.</summary>
internal static class StringLength
{
    public static int CodePoints(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length >= 2 && raw[0] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        if (raw.IndexOf((byte)'\\') < 0)
        {
            var count = 0;
            foreach (var b in raw)
            {
                if ((b & 0xC0) != 0x80)
                {
                    count++;
                }
            }

            return count;
        }

        return CodePoints(element.GetString()!);
    }

    public static int CodePoints(string value)
    {
        var count = value.Length;
        for (var i = 0; i + 1 < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && char.IsLowSurrogate(value[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }
}
