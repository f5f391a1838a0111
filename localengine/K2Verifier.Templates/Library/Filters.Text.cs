using System.Globalization;
using System.Text;
using K2Verifier.Templates.Evaluation;
using K2Verifier.Templates.Runtime;

namespace K2Verifier.Templates.Library;

/// <summary>Text and number filters.</summary>
internal static partial class Filters
{
    public static string Center(string s, int width)
    {
        var pad = width - s.Length;
        if (pad <= 0)
        {
            return s;
        }

        var left = (pad / 2) + (pad & width & 1);
        return new string(' ', left) + s + new string(' ', pad - left);
    }

    /// <summary>Python's <c>str.splitlines</c>: every Unicode line boundary, <c>\r\n</c> as one.</summary>
    public static List<object?> SplitLines(string s, bool keepEnds)
    {
        var lines = new List<object?>();
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c is not ('\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029'))
            {
                continue;
            }

            var end = c == '\r' && i + 1 < s.Length && s[i + 1] == '\n' ? i + 2 : i + 1;
            lines.Add(s[start..(keepEnds ? end : i)]);
            start = end;
            i = end - 1;
        }

        if (start < s.Length)
        {
            lines.Add(s[start..]);
        }

        return lines;
    }

    private static object? Indent(Evaluator evaluator, object? value, CallArguments arguments)
    {
        arguments.Accept("indent", "width", "first", "blank");
        var width = arguments.Get(0, "width", 4L);
        var indention = width is string text ? text : new string(' ', (int)Math.Max(0, PyOps.ToLong(width)));
        var lines = SplitLines(PyRepr.Str(value) + "\n", keepEnds: false).Cast<string>().ToList();
        string result;
        if (PyOps.IsTruthy(arguments.Get(2, "blank", false)))
        {
            result = string.Join("\n" + indention, lines);
        }
        else
        {
            result = lines[0];
            if (lines.Count > 1)
            {
                result += "\n" + string.Join("\n", lines.Skip(1).Select(line => line.Length > 0 ? indention + line : line));
            }
        }

        return PyOps.IsTruthy(arguments.Get(1, "first", false)) ? indention + result : result;
    }

    private static object? Replace(Evaluator evaluator, object? value, CallArguments arguments)
    {
        arguments.Accept("replace", "old", "new", "count");
        var count = arguments.Get(2, "count");
        return PyString.Replace(
            PyRepr.Str(value),
            PyRepr.Str(arguments.Require(0, "old", "replace")),
            PyRepr.Str(arguments.Require(1, "new", "replace")),
            count is null ? -1 : PyOps.ToLong(count));
    }

    /// <summary>Jinja2's <c>title</c> filter: words begin after <c>-</c>, whitespace, or an opening bracket.</summary>
    private static string TitleWords(string s)
    {
        var builder = new StringBuilder(s.Length);
        var atStart = true;
        foreach (var c in s)
        {
            var separator = c is '-' or '(' or '{' or '[' or '<' || PyString.IsSpace(c);
            builder.Append(separator ? c : atStart ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            atStart = separator;
        }

        return builder.ToString();
    }

    private static object? ToInt(Evaluator evaluator, object? value, CallArguments arguments)
    {
        arguments.Accept("int", "default", "base");
        var fallback = arguments.Get(0, "default", 0L);
        var numberBase = (int)PyOps.ToLong(arguments.Get(1, "base", 10L));
        switch (value)
        {
            case long or bool:
                return PyOps.ToLong(value);
            case double d:
                return double.IsFinite(d) ? (long)Math.Truncate(d) : throw JinjaError.Type("cannot convert float infinity or NaN to integer");
            case string s:
                var text = s.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
                try
                {
                    if (numberBase == 10)
                    {
                        return long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                    }

                    return Convert.ToInt64(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text, numberBase);
                }
                catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
                {
                    return ParseFloat(s) is { } d && double.IsFinite(d) ? (long)Math.Truncate(d) : fallback;
                }

            default:
                return fallback;
        }
    }

    private static object? ToFloat(object? value, object? fallback) => value switch
    {
        double d => d,
        long or bool => PyOps.ToDouble(value),
        string s => ParseFloat(s) ?? fallback,
        _ => fallback,
    };

    private static double? ParseFloat(string s)
    {
        var text = s.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
        var lower = text.ToLowerInvariant().TrimStart('+', '-');
        if (lower is "inf" or "infinity" or "nan")
        {
            var negative = text.StartsWith('-');
            return lower == "nan" ? double.NaN : negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        return text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-')
               && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static object? Round(Evaluator evaluator, object? value, CallArguments arguments)
    {
        arguments.Accept("round", "precision", "method");
        var precision = (int)PyOps.ToLong(arguments.Get(0, "precision", 0L));
        var method = arguments.Get(1, "method", "common") as string;
        if (value is long or bool && method == "common")
        {
            return PyOps.ToLong(value);
        }

        var number = PyOps.ToDouble(value);
        var scale = Math.Pow(10, precision);
        return method switch
        {
            "common" => Math.Round(number, Math.Clamp(precision, 0, 15), MidpointRounding.ToEven),
            "ceil" => Math.Ceiling(number * scale) / scale,
            "floor" => Math.Floor(number * scale) / scale,
            _ => throw JinjaError.Type("method must be common, ceil or floor"),
        };
    }
}
