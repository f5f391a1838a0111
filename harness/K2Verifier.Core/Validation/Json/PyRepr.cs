using System.Globalization;
using System.Text;
using System.Text.Json;

namespace K2Verifier.Validation.Json;

/// <summary>Formats JSON values the way Python's <c>repr</c> prints the objects <c>json.loads</c> makes of them.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "String and Float are named after the Python types they print.")]
public static class PyRepr
{
    private const int MaxLength = 400;

    /// <summary><c>repr(json.loads(element))</c>, cut at 400 characters.</summary>
    public static string Of(JsonElement element)
    {
        var builder = new StringBuilder();
        Append(builder, element);
        return Truncate(builder);
    }

    /// <summary><c>repr(value)</c> of a Python <c>str</c>, cut at 400 characters.</summary>
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        AppendString(builder, value);
        return Truncate(builder);
    }

    internal static string Number(in PyNumber number) => number.Kind switch
    {
        PyNumberKind.Long => number.Long.ToString(CultureInfo.InvariantCulture),
        PyNumberKind.BigInt => number.Big.ToString(CultureInfo.InvariantCulture),
        _ => Float(number.Double),
    };

    /// <summary>Python's repr(float): shortest round-trip digits, exponent form below 1e-4 or from 1e16.</summary>
    /// <summary><c>repr(value)</c> of a Python <c>float</c>.</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        var (digits, pointPosition) = Digits(Math.Abs(value).ToString("R", CultureInfo.InvariantCulture));
        var sign = value < 0 ? "-" : string.Empty;
        if (pointPosition <= -4 || pointPosition > 16)
        {
            var mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
            var exponent = pointPosition - 1;
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
        }

        if (pointPosition <= 0)
        {
            return sign + "0." + new string('0', -pointPosition) + digits;
        }

        if (pointPosition >= digits.Length)
        {
            return sign + digits + new string('0', pointPosition - digits.Length) + ".0";
        }

        return sign + digits[..pointPosition] + "." + digits[pointPosition..];
    }

    /// <summary>Significant digits and the decimal point position (value = 0.DIGITS × 10^position).</summary>
    private static (string Digits, int PointPosition) Digits(string text)
    {
        var exponent = 0;
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot >= 0 ? text[..dot] : text;
        var fraction = dot >= 0 ? text[(dot + 1)..] : string.Empty;
        var all = integerPart + fraction;
        var position = integerPart.Length + exponent;
        var leading = 0;
        while (leading < all.Length - 1 && all[leading] == '0')
        {
            leading++;
        }

        all = all[leading..].TrimEnd('0');
        return (all.Length == 0 ? "0" : all, position - leading);
    }

    private static void Append(StringBuilder builder, JsonElement element)
    {
        if (builder.Length > MaxLength)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                AppendString(builder, element.GetString()!);
                break;
            case JsonValueKind.Number:
                builder.Append(Number(PyNumber.Read(element)));
                break;
            case JsonValueKind.True:
                builder.Append("True");
                break;
            case JsonValueKind.False:
                builder.Append("False");
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var firstItem = true;
                foreach (var item in element.EnumerateArray())
                {
                    builder.Append(firstItem ? string.Empty : ", ");
                    firstItem = false;
                    Append(builder, item);
                }

                builder.Append(']');
                break;
            case JsonValueKind.Object:
                builder.Append('{');
                var firstProperty = true;
                foreach (var property in element.EnumerateObject())
                {
                    builder.Append(firstProperty ? string.Empty : ", ");
                    firstProperty = false;
                    AppendString(builder, property.Name);
                    builder.Append(": ");
                    Append(builder, property.Value);
                }

                builder.Append('}');
                break;
            default:
                builder.Append("None");
                break;
        }
    }

    /// <summary>Appends <c>repr(value)</c> of a Python <c>str</c> whole (the template runtime prints it uncut).</summary>
    public static void AppendString(StringBuilder builder, string value)
    {
        var quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        builder.Append(quote);
        foreach (var rune in value.EnumerateRunes())
        {
            var c = rune.Value;
            if (c == quote || c == '\\')
            {
                builder.Append('\\').Append((char)c);
            }
            else if (c == '\n')
            {
                builder.Append("\\n");
            }
            else if (c == '\r')
            {
                builder.Append("\\r");
            }
            else if (c == '\t')
            {
                builder.Append("\\t");
            }
            else if (IsPrintable(rune))
            {
                builder.Append(rune.ToString());
            }
            else
            {
                builder.Append(c < 0x100 ? $"\\x{c:x2}" : c < 0x10000 ? $"\\u{c:x4}" : $"\\U{c:x8}");
            }
        }

        builder.Append(quote);
    }

    private static bool IsPrintable(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }

    private static string Truncate(StringBuilder builder) =>
        builder.Length <= MaxLength ? builder.ToString() : builder.ToString(0, MaxLength) + "...";
}
