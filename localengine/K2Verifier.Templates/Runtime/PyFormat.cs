using System.Globalization;
using System.Text;

namespace K2Verifier.Templates.Runtime;

/// <summary>Python's <c>"…" % args</c> and <c>str.format</c> for the conversions templates use.</summary>
internal static class PyFormat
{
    public static string Percent(string format, object? arguments)
    {
        var values = arguments is PyTuple tuple ? tuple.ToList() : [arguments];
        var mapping = arguments as PyDict;
        var builder = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                builder.Append(format[i]);
                continue;
            }

            if (++i >= format.Length)
            {
                throw JinjaError.Type("incomplete format");
            }

            object? value;
            if (format[i] == '(' && mapping is not null)
            {
                var close = format.IndexOf(')', i);
                mapping.TryGet(format[(i + 1)..close], out value);
                i = close + 1;
            }
            else
            {
                value = null;
            }

            var spec = new StringBuilder();
            while (i < format.Length && "-+ #0123456789.".Contains(format[i], StringComparison.Ordinal))
            {
                spec.Append(format[i++]);
            }

            var conversion = format[i];
            if (conversion == '%')
            {
                builder.Append('%');
                continue;
            }

            if (mapping is null)
            {
                value = next < values.Count ? values[next++] : throw JinjaError.Type("not enough arguments for format string");
            }

            builder.Append(Convert(conversion, spec.ToString(), value));
        }

        if (mapping is null && next < values.Count)
        {
            throw JinjaError.Type("not all arguments converted during string formatting");
        }

        return builder.ToString();
    }

    /// <summary><c>str.format(*args, **kwargs)</c> with <c>{}</c>, <c>{0}</c>, <c>{name}</c>, <c>{name.attr}</c> fields and no format spec.</summary>
    public static string Format(string format, CallArguments arguments, Func<object?, string, object?> getAttribute)
    {
        var builder = new StringBuilder();
        var auto = 0;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                builder.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                builder.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var close = format.IndexOf('}', i);
                if (close < 0)
                {
                    throw JinjaError.Type("Single '{' encountered in format string");
                }

                var field = format[(i + 1)..close];
                if (field.Contains(':', StringComparison.Ordinal) || field.Contains('!', StringComparison.Ordinal))
                {
                    throw JinjaError.Type($"format spec in '{{{field}}}' is not supported");
                }

                var path = field.Split('.');
                object? value = path[0].Length == 0 ? arguments.Get(auto++, "\0", null)
                    : int.TryParse(path[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? arguments.Get(index, "\0", null)
                    : arguments.Get(-1, path[0], new Undefined(path[0]));
                foreach (var attribute in path.Skip(1))
                {
                    value = getAttribute(value, attribute);
                }

                builder.Append(PyRepr.Str(value));
                i = close;
            }
            else if (c == '}')
            {
                throw JinjaError.Type("Single '}' encountered in format string");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Convert(char conversion, string spec, object? value)
    {
        var left = spec.Contains('-', StringComparison.Ordinal);
        var zero = spec.StartsWith('0') || spec.Contains("+0", StringComparison.Ordinal) || spec.Contains("-0", StringComparison.Ordinal);
        var numbers = spec.TrimStart('-', '+', ' ', '#', '0');
        var dot = numbers.IndexOf('.', StringComparison.Ordinal);
        var width = ParseInt(dot < 0 ? numbers : numbers[..dot]) ?? 0;
        int? precision = dot < 0 ? null : ParseInt(numbers[(dot + 1)..]) ?? 0;
        var text = conversion switch
        {
            's' => precision is { } p ? Truncate(PyRepr.Str(value), p) : PyRepr.Str(value),
            'r' or 'a' => PyRepr.Repr(value),
            'd' or 'i' or 'u' => ((long)Math.Truncate(PyOps.ToDouble(RequireNumber(value)))).ToString(CultureInfo.InvariantCulture),
            'f' or 'F' => PyOps.ToDouble(RequireNumber(value)).ToString("F" + (precision ?? 6), CultureInfo.InvariantCulture),
            'x' => PyOps.ToLong(value).ToString("x", CultureInfo.InvariantCulture),
            'X' => PyOps.ToLong(value).ToString("X", CultureInfo.InvariantCulture),
            'c' => value is string s ? s : char.ConvertFromUtf32((int)PyOps.ToLong(value)),
            _ => throw JinjaError.Type($"unsupported format character '{conversion}'"),
        };
        if (spec.Contains('+', StringComparison.Ordinal) && conversion is 'd' or 'i' or 'f' or 'F' && !text.StartsWith('-'))
        {
            text = "+" + text;
        }

        if (text.Length >= width)
        {
            return text;
        }

        if (left)
        {
            return text.PadRight(width);
        }

        return zero && conversion is not ('s' or 'r')
            ? (text.StartsWith('-') || text.StartsWith('+') ? text[0] + text[1..].PadLeft(width - 1, '0') : text.PadLeft(width, '0'))
            : text.PadLeft(width);
    }

    private static object? RequireNumber(object? value) =>
        PyOps.IsNumber(value) ? value : throw JinjaError.Type($"%d format: a real number is required, not {PyRepr.TypeName(value)}");

    private static string Truncate(string s, int length) => s.Length <= length ? s : s[..length];

    private static int? ParseInt(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
