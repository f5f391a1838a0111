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
/// unescaped into a pooled buffer and re-escaped the Python way. Text that is not valid UTF-8 takes the slow path
/// through <see cref="JsonElement.GetString"/>, exactly as the string-based serialiser did. One instance writes one
/// document: the unescaped names and the property entries of the objects being written live on two pooled stacks.
/// </summary>
internal sealed class PythonJsonUtf8Writer : IDisposable
{
    private const int InsertionSortLimit = 24;

    private readonly PooledBuffer<byte> _output;
    private readonly PooledBuffer<byte> _names = new(1024);
    private PropertyEntry[] _entries = ArrayPool<PropertyEntry>.Shared.Rent(64);
    private int _entryCount;
    private int _depth;
    private byte[][]? _recordedNames;
    private (int Start, int End)[]? _recorded;

    private PythonJsonUtf8Writer(PooledBuffer<byte> output) => _output = output;

    /// <summary>Appends Python's <c>json.dumps(value, sort_keys=True, ensure_ascii=False)</c> to <paramref name="output"/>.</summary>
    public static void Write(JsonElement value, PooledBuffer<byte> output)
    {
        using var writer = new PythonJsonUtf8Writer(output);
        writer.Write(value);
    }

    /// <summary>
    /// <see cref="Write(JsonElement, PooledBuffer{byte})"/>, recording where in <paramref name="output"/> the values of
    /// the top-level members named <paramref name="names"/> (unescaped UTF-8) were written: <paramref name="recorded"/>
    /// [i] is the range of names[i]'s value (the last member of that name, as written), or (0, 0) when absent.
    /// </summary>
    public static void Write(JsonElement value, PooledBuffer<byte> output, byte[][] names, (int Start, int End)[] recorded)
    {
        Array.Clear(recorded);
        using var writer = new PythonJsonUtf8Writer(output) { _recordedNames = names, _recorded = recorded };
        writer.Write(value);
    }

    /// <summary>
    /// Appends Python's <c>json.dumps</c> of an object made of <paramref name="properties"/>, whose names (UTF-8) are
    /// distinct and already in code-point order: an object assembled from parts of documents without writing and
    /// parsing it first.
    /// </summary>
    public static void WriteObject(ReadOnlySpan<(byte[] Name, JsonElement Value)> properties, PooledBuffer<byte> output)
    {
        using var writer = new PythonJsonUtf8Writer(output);
        output.Write((byte)'{');
        for (var i = 0; i < properties.Length; i++)
        {
            if (i > 0)
            {
                output.Write(", "u8);
            }

            WriteEscaped(properties[i].Name, output);
            output.Write(": "u8);
            writer.Write(properties[i].Value);
        }

        output.Write((byte)'}');
    }

    public void Dispose()
    {
        _names.Dispose();
        ArrayPool<PropertyEntry>.Shared.Return(_entries, clearArray: true);
        _entries = [];
    }

    private void Write(JsonElement value)
    {
        var output = _output;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(value);
                break;
            case JsonValueKind.Array:
                WriteArray(value);
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

    private void WriteArray(JsonElement value)
    {
        _output.Write((byte)'[');
        var first = true;
        foreach (var item in value.EnumerateArray())
        {
            if (!first)
            {
                _output.Write(", "u8);
            }

            first = false;
            Write(item);
        }

        _output.Write((byte)']');
    }

    private void WriteObject(JsonElement value)
    {
        var count = value.GetPropertyCount();
        if (count == 0)
        {
            _output.Write("{}"u8);
            return;
        }

        // This object's entries and names sit on top of the stacks while its values (and their objects) are written.
        var baseEntry = _entryCount;
        var baseName = _names.Length;
        ReserveEntries(count);
        foreach (var property in value.EnumerateObject())
        {
            var start = _names.Length;
            AppendUnescapedName(property, _names);
            _entries[_entryCount] = new PropertyEntry(start, _names.Length - start, _entryCount - baseEntry, property.Value);
            _entryCount++;
        }

        var end = _entryCount;
        Sort(_entries.AsSpan(baseEntry, count), _names);
        _output.Write((byte)'{');
        var first = true;
        for (var i = baseEntry; i < end; i++)
        {
            // json.loads keeps the last of duplicate keys: after a stable sort it ends its run of equal names.
            if (i + 1 < end && NameOf(_entries[i + 1], _names).SequenceEqual(NameOf(_entries[i], _names)))
            {
                continue;
            }

            if (!first)
            {
                _output.Write(", "u8);
            }

            first = false;
            WriteEscaped(NameOf(_entries[i], _names), _output);
            _output.Write(": "u8);
            var recordAt = _depth == 0 && _recordedNames is { } names ? IndexOf(names, NameOf(_entries[i], _names)) : -1;
            var valueStart = _output.Length;
            _depth++;
            Write(_entries[i].Value);
            _depth--;
            if (recordAt >= 0)
            {
                _recorded![recordAt] = (valueStart, _output.Length);
            }
        }

        _output.Write((byte)'}');
        _entryCount = baseEntry;
        _names.Truncate(baseName);
    }

    private static int IndexOf(byte[][] names, ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private void ReserveEntries(int count)
    {
        if (_entries.Length - _entryCount >= count)
        {
            return;
        }

        var grown = ArrayPool<PropertyEntry>.Shared.Rent(Math.Max(_entries.Length * 2, _entryCount + count));
        _entries.AsSpan(0, _entryCount).CopyTo(grown);
        ArrayPool<PropertyEntry>.Shared.Return(_entries, clearArray: true);
        _entries = grown;
    }

    private static ReadOnlySpan<byte> NameOf(PropertyEntry entry, PooledBuffer<byte> names) =>
        names.WrittenSpan.Slice(entry.NameStart, entry.NameLength);

    private static void AppendUnescapedName(JsonProperty property, PooledBuffer<byte> names)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') < 0 && Utf8.IsValid(raw))
        {
            names.Write(raw);
            return;
        }

        AppendUtf8(property.Name, names);
    }

    private static void WriteStringValue(JsonElement value, PooledBuffer<byte> output)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var content = raw[1..^1];
        if (!Utf8.IsValid(content))
        {
            using var decoded = new PooledBuffer<byte>(content.Length);
            AppendUtf8(value.GetString()!, decoded);
            WriteEscaped(decoded.WrittenSpan, output);
            return;
        }

        if (content.IndexOf((byte)'\\') < 0)
        {
            output.Write(raw);
            return;
        }

        // Unescaping never lengthens UTF-8 text; CopyString rejects what GetString rejects (a lone surrogate escape).
        using var unescaped = new PooledBuffer<byte>(content.Length);
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        unescaped.Advance(reader.CopyString(unescaped.GetSpan(content.Length)));
        WriteEscaped(unescaped.WrittenSpan, output);
    }

    /// <summary>UTF-8 of <paramref name="text"/> (a lone surrogate becomes U+FFFD, as <see cref="Encoding.UTF8"/> writes it).</summary>
    private static void AppendUtf8(string text, PooledBuffer<byte> buffer)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        buffer.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    /// <summary>A JSON string of UTF-8 text escaped as Python does with ensure_ascii=False.</summary>
    private static void WriteEscaped(ReadOnlySpan<byte> text, PooledBuffer<byte> output)
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

    private static void WriteNumber(ReadOnlySpan<byte> raw, PooledBuffer<byte> output)
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
    private static void Sort(Span<PropertyEntry> entries, PooledBuffer<byte> names)
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

    private static int Compare(PropertyEntry a, PropertyEntry b, PooledBuffer<byte> names)
    {
        var order = NameOf(a, names).SequenceCompareTo(NameOf(b, names));
        return order != 0 ? order : a.Position.CompareTo(b.Position);
    }

    /// <summary>One property of an object being written: where its unescaped name is in the name buffer, and its value.</summary>
    private readonly record struct PropertyEntry(int NameStart, int NameLength, int Position, JsonElement Value);
}
