using System.Globalization;
using System.Text;

namespace K2Verifier.Validation.Patterns;

/// <summary>Character sets <c>[…]</c>, translated item by item so .NET's set subtraction and escapes never apply.</summary>
internal sealed partial class PythonRegexTranslator
{
    private void TranslateClass()
    {
        _position++;
        var negated = false;
        if (Peek() == '^')
        {
            negated = true;
            _position++;
        }

        var bmp = new StringBuilder();
        var astral = new List<(int Low, int High)>();
        var first = true;
        while (true)
        {
            if (AtEnd)
            {
                throw Error("unterminated character set");
            }

            if (Peek() == ']' && !first)
            {
                _position++;
                break;
            }

            first = false;
            var (low, category) = ReadClassAtom();
            if (category is not null)
            {
                bmp.Append(category);
                continue;
            }

            var high = low;
            if (Peek() == '-' && Peek(1) != ']' && _position + 1 < _pattern.Length)
            {
                _position++;
                var (end, endCategory) = ReadClassAtom();
                if (endCategory is not null)
                {
                    throw Error("bad character range");
                }

                high = end;
                if (high < low)
                {
                    throw Error("bad character range");
                }
            }

            AddRange(bmp, astral, low, high);
        }

        _output.Append(BuildClass(bmp.ToString(), astral, negated));
    }

    private static void AddRange(StringBuilder bmp, List<(int Low, int High)> astral, int low, int high)
    {
        if (low <= 0xFFFF)
        {
            var bmpHigh = Math.Min(high, 0xFFFF);
            bmp.Append(Hex(low));
            if (bmpHigh != low)
            {
                bmp.Append('-').Append(Hex(bmpHigh));
            }
        }

        if (high > 0xFFFF)
        {
            astral.Add((Math.Max(low, 0x10000), high));
        }
    }

    private static string Hex(int value) => "\\u" + value.ToString("X4", CultureInfo.InvariantCulture);

    private static string BuildClass(string bmp, List<(int Low, int High)> astral, bool negated)
    {
        if (astral.Count == 0)
        {
            if (bmp.Length == 0)
            {
                // Only reachable through categories being empty, which cannot happen; keep a never-matching set.
                return negated ? "(?:" + SurrogatePair + "|[\\s\\S])" : "[^\\s\\S]";
            }

            return negated ? "(?:" + SurrogatePair + "|[^" + bmp + "])" : "[" + bmp + "]";
        }

        var alternatives = new StringBuilder();
        foreach (var (low, high) in astral)
        {
            alternatives.Append(alternatives.Length == 0 ? string.Empty : "|").Append(AstralRange(low, high));
        }

        if (negated)
        {
            var bmpPart = bmp.Length == 0 ? "." : "[^" + bmp + "]";
            return "(?:(?!" + alternatives + ")" + SurrogatePair + "|" + bmpPart + ")";
        }

        return bmp.Length == 0 ? "(?:" + alternatives + ")" : "(?:[" + bmp + "]|" + alternatives + ")";
    }

    /// <summary>A UTF-16 alternation for the astral code points low..high.</summary>
    private static string AstralRange(int low, int high)
    {
        var lowText = char.ConvertFromUtf32(low);
        var highText = char.ConvertFromUtf32(high);
        if (lowText[0] == highText[0])
        {
            return Hex(lowText[0]) + "[" + Hex(lowText[1]) + "-" + Hex(highText[1]) + "]";
        }

        var parts = new StringBuilder();
        parts.Append(Hex(lowText[0])).Append('[').Append(Hex(lowText[1])).Append("-\\uDFFF]");
        if (highText[0] - lowText[0] > 1)
        {
            parts.Append("|[").Append(Hex(lowText[0] + 1)).Append('-').Append(Hex(highText[0] - 1)).Append("][\\uDC00-\\uDFFF]");
        }

        parts.Append('|').Append(Hex(highText[0])).Append("[\\uDC00-").Append(Hex(highText[1])).Append(']');
        return parts.ToString();
    }

    /// <summary>Reads one set member: a code point, or a category (\d, \s, \w and negations) as .NET set text.</summary>
    private (int CodePoint, string? Category) ReadClassAtom()
    {
        var c = _pattern[_position];
        if (c != '\\')
        {
            if (char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)))
            {
                _position += 2;
                return (char.ConvertToUtf32(c, _pattern[_position - 1]), null);
            }

            _position++;
            return (c, null);
        }

        _position++;
        if (AtEnd)
        {
            throw Error("bad escape (end of pattern)");
        }

        c = _pattern[_position++];
        switch (c)
        {
            case 'd':
                return (0, @"\d");
            case 'D':
                return (0, @"\D");
            case 's':
                return (0, SpaceClass);
            case 'S':
                return (0, @"\S");
            case 'w':
                return (0, WordClass);
            case 'W':
                return (0, @"\W");
            case 'a':
                return (7, null);
            case 'b':
                return (8, null);
            case 'f':
                return (12, null);
            case 'n':
                return (10, null);
            case 'r':
                return (13, null);
            case 't':
                return (9, null);
            case 'v':
                return (11, null);
        }

        if (IsOctal(c))
        {
            var digits = c.ToString();
            while (digits.Length < 3 && IsOctal(Peek()))
            {
                digits += _pattern[_position++];
            }

            var value = Convert.ToInt32(digits, 8);
            return value > 0xFF ? throw Error($"octal escape value \\{digits} outside of range 0-0o377") : (value, null);
        }

        var code = ReadCodeEscape(c);
        if (code >= 0)
        {
            return (code, null);
        }

        if (char.IsAsciiLetterOrDigit(c))
        {
            throw Error($"bad escape \\{c}");
        }

        if (char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek()))
        {
            _position++;
            return (char.ConvertToUtf32(c, _pattern[_position - 1]), null);
        }

        return (c, null);
    }
}
