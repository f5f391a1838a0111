using System.Text;
using System.Text.Json;

namespace K2Verifier.Json;

/// <summary>
/// A text held as a string or as its UTF-8 bytes, the string made from the bytes on first use: what a request or a
/// row keeps of a JSON body it may never need as a string. Setting the string drops the bytes; setting bytes (non-empty)
/// drops the string.
/// </summary>
internal struct Utf8Text : IEquatable<Utf8Text>
{
    private string? _text;
    private ReadOnlyMemory<byte> _utf8;

    /// <summary>Holds <paramref name="text"/> (null reads as the empty text).</summary>
    public Utf8Text(string? text) => _text = text;

    /// <summary>The text (decoded from <see cref="Utf8"/> on first use, then kept).</summary>
    public string Text
    {
        get => _text ??= Encoding.UTF8.GetString(_utf8.Span);
        set
        {
            _text = value;
            _utf8 = default;
        }
    }

    /// <summary>The text as UTF-8 when it was given so; empty when it was given as a string.</summary>
    public ReadOnlyMemory<byte> Utf8
    {
        readonly get => _utf8;
        set
        {
            _utf8 = value;
            if (!value.IsEmpty)
            {
                _text = null;
            }
        }
    }

    /// <summary>Its size in whichever form it holds (UTF-8 bytes or UTF-16 chars): a buffer size hint.</summary>
    public readonly int Length => !_utf8.IsEmpty ? _utf8.Length : _text?.Length ?? 0;

    /// <summary>Writes the text as a raw JSON value: its bytes when it holds them (nothing decoded), else the string.</summary>
    public void WriteRawValueTo(Utf8JsonWriter writer)
    {
        if (_utf8.IsEmpty)
        {
            writer.WriteRawValue(Text, skipInputValidation: true);
        }
        else
        {
            writer.WriteRawValue(_utf8.Span, skipInputValidation: true);
        }
    }

    /// <summary>Equal texts, however each is held (records holding one compare by it).</summary>
    public bool Equals(Utf8Text other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Utf8Text other && Equals(other);

    public override int GetHashCode() => string.GetHashCode(Text, StringComparison.Ordinal);

    /// <summary>True when both hold the same bytes, or (given as strings) the same string instance.</summary>
    public readonly bool IsSameAs(in Utf8Text other) =>
        !_utf8.IsEmpty ? _utf8.Equals(other._utf8) : other._utf8.IsEmpty && ReferenceEquals(_text, other._text);
}
