using System.Globalization;
using System.Text;

namespace K2Verifier.Json;

/// <summary>Formats a double exactly as Python's <c>repr(float)</c> does (shortest round-trip digits).</summary>
public static class PythonFloat
{
    /// <summary><c>repr(x)</c>: <c>0.6</c>, <c>1.0</c>, <c>1e-05</c>, <c>1e+16</c>, <c>Infinity</c> as json.dumps writes it.</summary>
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        var negative = value < 0 || (value == 0 && double.IsNegative(value));
        var (digits, decimalPoint) = ShortestDigits(Math.Abs(value));
        var builder = new StringBuilder(24);
        if (negative)
        {
            builder.Append('-');
        }

        if (digits.Length == 0)
        {
            return builder.Append("0.0").ToString();
        }

        if (decimalPoint <= -4 || decimalPoint > 16)
        {
            // Exponent form: d[.ddd]e±XX with at least two exponent digits.
            builder.Append(digits[0]);
            if (digits.Length > 1)
            {
                builder.Append('.').Append(digits, 1, digits.Length - 1);
            }

            var exponent = decimalPoint - 1;
            builder.Append('e').Append(exponent < 0 ? '-' : '+');
            builder.Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (decimalPoint <= 0)
        {
            builder.Append("0.").Append('0', -decimalPoint).Append(digits);
        }
        else if (decimalPoint >= digits.Length)
        {
            builder.Append(digits).Append('0', decimalPoint - digits.Length).Append(".0");
        }
        else
        {
            builder.Append(digits, 0, decimalPoint).Append('.').Append(digits, decimalPoint, digits.Length - decimalPoint);
        }

        return builder.ToString();
    }

    /// <summary>The shortest round-trip significant digits (no leading or trailing zeros) and the decimal point position.</summary>
    private static (string Digits, int DecimalPoint) ShortestDigits(double absolute)
    {
        var text = absolute.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? text : text[..dot];
        var all = dot < 0 ? text : integerPart + text[(dot + 1)..];
        var decimalPoint = integerPart.Length + exponent;
        var start = 0;
        while (start < all.Length && all[start] == '0')
        {
            start++;
            decimalPoint--;
        }

        var end = all.Length;
        while (end > start && all[end - 1] == '0')
        {
            end--;
        }

        return (all[start..end], decimalPoint);
    }
}
