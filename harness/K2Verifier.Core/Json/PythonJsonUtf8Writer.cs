using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace K2Verifier.Json;

/// <summary>
/// Writes Python's <c>json.dumps(obj, sort_keys=True, ensure_ascii=False)</c> as UTF-8 straight from a
/// <see cref="JsonElement"/>'s raw bytes: no strings, no dictionaries. Keys are sorted by their UTF-8 bytes, which is
/// code point order for valid text, so the same order as Python's <c>str</c> comparison. A string without escapes is
/// copied as it stands (JSON already forbids raw <c>"</c>, <c>\</c> and control characters in it); one with escapes is
/// unescaped into a pooled buffer and re-escaped the Python way. Text that is not valid Unicode takes the slow path
/// through <see cref="JsonElement.GetString"/>, exactly as the string-based serialiser did.
/// </summary>
internal static class PythonJsonUtf8Writer
{
    private const int InsertionSortLimit = 24;

    public static void Write(JsonElement value, PooledByteBuffer output)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(value, output);
                break;
            case JsonValueKind.Array:
                WriteArray(value, output);
                break;
            case JsonValueKind.String:
                WriteStringValue(value, output);
                break;
            case JsonValueKind.Number:
                WriteNumber(JsonMarshal.GetRawUtf8Value(value), output);
                break;
            case JsonValueKind.True:
                output.Write("true"u8);
                break;
            case JsonValueKind.False:
                output.Write("false"u8);
                break;
            default:
                output.Write("null"u8);
                break;
        }
    }

    private static void WriteArray(JsonElement value, PooledByteBuffer output)
    {
        output.Write((byte)'[');
        var first = true;
        foreach (var item in value.EnumerateArray())
        {
            if (!first)
            {
                output.Write(", "u8);
            }

            first = false;
            Write(item, output);
        }

        output.Write((byte)']');
    }

    private static void WriteObject(JsonElement value, PooledByteBuffer output)
    {
        var count = value.GetPropertyCount();
        if (count == 0)
        {
            output.Write("{}"u8);
            return;
        }

        var entries = ArrayPool<PropertyEntry>.Shared.Rent(count);
        using var names = new PooledByteBuffer(count * 16);
        try
        {
            var n = 0;
            foreach (var property in value.EnumerateObject())
            {
                var start = names.Length;
                AppendUnescapedName(property, names);
                entries[n] = new PropertyEntry(start, names.Length - start, n, property.Value);
                n++;
            }

            Sort(entries.AsSpan(0, n), names);
            output.Write((byte)'{');
            var first = true;
            for (var i = 0; i < n; i++)
            {
                // json.loads keeps the last of duplicate keys: after a stable sort it ends its run of equal names.
                if (i + 1 < n && NameOf(entries[i + 1], names).SequenceEqual(NameOf(entries[i], names)))
                {
                    continue;
                }

                if (!first)
                {
                    output.Write(", "u8);
                }

                first = false;
                WriteEscaped(NameOf(entries[i], names), output);
                output.Write(": "u8);
                Write(entries[i].Value, output);
            }

            output.Write((byte)'}');
        }
        finally
        {
            ArrayPool<PropertyEntry>.Shared.Return(entries, clearArray: true);
        }
    }

    private static ReadOnlySpan<byte> NameOf(PropertyEntry entry, PooledByteBuffer names) =>
        names.WrittenSpan.Slice(entry.NameStart, entry.NameLength);

    private static void AppendUnescapedName(JsonProperty property, PooledByteBuffer names)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') < 0 && Utf8.IsValid(raw))
        {
            names.Write(raw);
            return;
        }

        AppendUtf8(property.Name, names);
    }

    private static void WriteStringValue(JsonElement value, PooledByteBuffer output)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var content = raw[1..^1];
        if (content.IndexOf((byte)'\\') < 0 && Utf8.IsValid(content))
        {
            output.Write(raw);
            return;
        }

        using var unescaped = new PooledByteBuffer(content.Length);
        AppendUtf8(value.GetString()!, unescaped);
        WriteEscaped(unescaped.WrittenSpan, output);
    }

    /// <summary>UTF-8 of <paramref name="text"/> (a lone surrogate becomes U+FFFD, as <see cref="Encoding.UTF8"/> writes it).</summary>
    private static void AppendUtf8(string text, PooledByteBuffer buffer)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    /// <summary>A JSON string of UTF-8 text escaped as Python does with ensure_ascii=False.</summary>
    private static void WriteEscaped(ReadOnlySpan<byte> text, PooledByteBuffer output)
    {
        output.Write((byte)'"');
        while (!text.IsEmpty)
        {
            var next = text.IndexOfAny(PythonEscapes.NeedsEscape);
            if (next < 0)
            {
                output.Write(text);
                break;
            }

            output.Write(text[..next]);
            output.Write(PythonEscapes.Escape(text[next]));
            text = text[(next + 1)..];
        }

        output.Write((byte)'"');
    }

    private static void WriteNumber(ReadOnlySpan<byte> raw, PooledByteBuffer output)
    {
        if (raw.IndexOfAny(".eE"u8) < 0)
        {
            // A Python int: arbitrary precision, printed as parsed ("-0" becomes "0").
            output.Write(raw.SequenceEqual("-0"u8) ? "0"u8 : raw);
            return;
        }

        var repr = PythonFloat.Repr(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture));
        var span = output.GetSpan(repr.Length);
        output.Advance(Encoding.ASCII.GetBytes(repr, span));
    }

    /// <summary>A stable sort by name bytes (ordinal, so code point order), ties kept in document order.</summary>
    private static void Sort(Span<PropertyEntry> entries, PooledByteBuffer names)
    {
        if (entries.Length <= InsertionSortLimit)
        {
            for (var i = 1; i < entries.Length; i++)
            {
                var current = entries[i];
                var j = i - 1;
                while (j >= 0 && Compare(entries[j], current, names) > 0)
                {
                    entries[j + 1] = entries[j];
                    j--;
                }

                entries[j + 1] = current;
            }

            return;
        }

        entries.Sort((a, b) => Compare(a, b, names));
    }

    private static int Compare(PropertyEntry a, PropertyEntry b, PooledByteBuffer names)
    {
        var order = NameOf(a, names).SequenceCompareTo(NameOf(b, names));
        return order != 0 ? order : a.Position.CompareTo(b.Position);
    }

    /// <summary>One property of an object being written: where its unescaped name is in the name buffer, and its value.</summary>
    private readonly record struct PropertyEntry(int NameStart, int NameLength, int Position, JsonElement Value);
}
