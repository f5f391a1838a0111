using System.Globalization;

namespace K2Verifier.Validation.Patterns;

/// <summary>Escapes outside character sets, groups and backreferences.</summary>
internal sealed partial class PythonRegexTranslator
{
    private void TranslateEscape()
    {
        _position++;
        if (AtEnd)
        {
            throw Error("bad escape (end of pattern)");
        }

        var c = _pattern[_position];
        _position++;
        switch (c)
        {
            case 'A':
                _output.Append(@"\A");
                return;
            case 'Z':
                _output.Append(@"\z");
                return;
            case 'b' or 'B' or 'd' or 'a' or 'f' or 'n' or 'r' or 't' or 'v':
                _output.Append('\\').Append(c);
                return;
            case 'D':
                _output.Append("(?:").Append(SurrogatePair).Append(@"|\D)");
                return;
            case 's':
                _output.Append('[').Append(SpaceClass).Append(']');
                return;
            case 'S':
                _output.Append("(?:").Append(SurrogatePair).Append("|[^").Append(SpaceClass).Append("])");
                return;
            case 'w':
                _output.Append('[').Append(WordClass).Append(']');
                return;
            case 'W':
                _output.Append("(?:").Append(SurrogatePair).Append("|[^").Append(WordClass).Append("])");
                return;
        }

        if (char.IsAsciiDigit(c))
        {
            TranslateDigitEscape(c);
            return;
        }

        var literal = ReadCodeEscape(c);
        if (literal >= 0)
        {
            _output.Append(CodePointLiteral(literal));
            return;
        }

        if (char.IsAsciiLetter(c))
        {
            throw Error($"bad escape \\{c}");
        }

        _position--;
        AppendEscapedLiteral();
    }

    /// <summary>Appends the (non-ASCII-letter) character at the position as a literal.</summary>
    private void AppendEscapedLiteral()
    {
        var c = _pattern[_position];
        if (char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)))
        {
            _output.Append("(?:").Append(c).Append(Peek(1)).Append(')');
            _position += 2;
            return;
        }

        _output.Append(CodePointLiteral(c));
        _position++;
    }

    /// <summary>\x, \u, \U, \N and the single-letter control escapes valid in and out of sets; -1 when not one of them.</summary>
    private int ReadCodeEscape(char c)
    {
        switch (c)
        {
            case 'x':
                return ReadHex(2, "\\x");
            case 'u':
                return ReadHex(4, "\\u");
            case 'U':
                var value = ReadHex(8, "\\U");
                return value > 0x10FFFF ? throw Error("bad escape \\U: code point out of range") : value;
            case 'N':
                throw Error("\\N{...} named characters are not supported");
            default:
                return -1;
        }
    }

    private int ReadHex(int length, string escape)
    {
        if (_position + length > _pattern.Length ||
            !int.TryParse(_pattern.AsSpan(_position, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ||
            _pattern.AsSpan(_position, length).ContainsAny('+', '-'))
        {
            throw Error($"incomplete escape {escape}");
        }

        _position += length;
        return value;
    }

    private void TranslateDigitEscape(char first)
    {
        // \0, \0dd, \ddd (three octal digits) are octal characters; otherwise \d or \dd is a group reference.
        if (first == '0' || (IsOctal(first) && IsOctal(Peek()) && IsOctal(Peek(1))))
        {
            var digits = first.ToString();
            var max = first == '0' ? 2 : 2;
            while (max-- > 0 && IsOctal(Peek()))
            {
                digits += _pattern[_position++];
            }

            var value = Convert.ToInt32(digits, 8);
            if (value > 0xFF)
            {
                throw Error($"octal escape value \\{digits} outside of range 0-0o377");
            }

            _output.Append(CodePointLiteral(value));
            return;
        }

        var number = first - '0';
        if (char.IsAsciiDigit(Peek()))
        {
            number = (number * 10) + (_pattern[_position++] - '0');
        }

        AppendBackreference(number);
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';

    private void AppendBackreference(int number)
    {
        if (number < 1 || number > _groupNames.Count)
        {
            throw Error($"invalid group reference {number}");
        }

        _output.Append(@"\k<").Append(_groupNames[number - 1]).Append('>');
    }
}
