using System.Globalization;
using System.Text;
using K2Verifier.Templates.Runtime;

namespace K2Verifier.Templates.Syntax;

/// <summary>Tokens inside <c>{% … %}</c> and <c>{{ … }}</c>: names, numbers, strings and operators.</summary>
internal sealed partial class Lexer
{
    private static readonly string[] Operators =
        ["//", "**", "==", "!=", ">=", "<=", "+", "-", "/", "*", "%", "~", "[", "]", "(", ")", "{", "}", ">", "<", "=", ".", ":", "|", ",", ";"];

    private void LexTag(bool block)
    {
        var balance = new Stack<char>();
        while (true)
        {
            if (_pos >= _source.Length)
            {
                throw Fail(block ? "unexpected end of template, expected '%}'" : "unexpected end of template, expected '}}'");
            }

            if (balance.Count == 0 && TryTagEnd(block))
            {
                return;
            }

            var c = _source[_pos];
            if (PyString.IsSpace(c))
            {
                Advance(SkipSpace(_pos));
            }
            else if (char.IsAsciiDigit(c))
            {
                LexNumber();
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var end = _pos + 1;
                while (end < _source.Length && (char.IsLetterOrDigit(_source[end]) || _source[end] == '_'))
                {
                    end++;
                }

                Emit(TokenKind.Name, _source[_pos..end]);
                Advance(end);
            }
            else if (c is '\'' or '"')
            {
                LexString(c);
            }
            else
            {
                LexOperator(balance);
            }
        }
    }

    private bool TryTagEnd(bool block)
    {
        int end;
        if (block)
        {
            end = MatchBlockEnd(_pos);
        }
        else if (string.CompareOrdinal(_source, _pos, "-}}", 0, 3) == 0)
        {
            end = SkipSpace(_pos + 3);
        }
        else
        {
            end = string.CompareOrdinal(_source, _pos, "}}", 0, 2) == 0 ? _pos + 2 : -1;
        }

        if (end < 0)
        {
            return false;
        }

        _tokens.Add(new Token(block ? TokenKind.BlockEnd : TokenKind.VariableEnd, string.Empty, null, _line));
        Advance(end);
        _lineStarting = _source[end - 1] == '\n';
        return true;
    }

    private void LexOperator(Stack<char> balance)
    {
        var op = Operators.FirstOrDefault(o => string.CompareOrdinal(_source, _pos, o, 0, o.Length) == 0)
            ?? throw Fail($"unexpected char '{_source[_pos]}' at {_pos}");
        if (op is "(" or "[" or "{")
        {
            balance.Push(op[0] switch { '(' => ')', '[' => ']', _ => '}' });
        }
        else if (op is ")" or "]" or "}")
        {
            if (balance.Count == 0)
            {
                throw Fail($"unexpected '{op}'");
            }

            var expected = balance.Pop();
            if (expected != op[0])
            {
                throw Fail($"unexpected '{op}', expected '{expected}'");
            }
        }

        Emit(TokenKind.Operator, op);
        Advance(_pos + op.Length);
    }

    /// <summary>Integers <c>(\d+_)*\d+</c> and floats with a fraction and/or an exponent, as Jinja2 reads them.</summary>
    private void LexNumber()
    {
        var end = Digits(_pos);
        var isFloat = false;
        var afterDot = _pos > 0 && _source[_pos - 1] == '.';
        if (!afterDot && end + 1 < _source.Length && _source[end] == '.' && char.IsAsciiDigit(_source[end + 1]))
        {
            end = Digits(end + 1);
            isFloat = true;
        }

        if (!afterDot && end < _source.Length && _source[end] is 'e' or 'E')
        {
            var exponent = end + 1;
            if (exponent < _source.Length && _source[exponent] is '+' or '-')
            {
                exponent++;
            }

            if (exponent < _source.Length && char.IsAsciiDigit(_source[exponent]))
            {
                end = Digits(exponent);
                isFloat = true;
            }
        }

        var text = _source[_pos..end].Replace("_", string.Empty, StringComparison.Ordinal);
        if (isFloat)
        {
            Emit(TokenKind.Float, text, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        else
        {
            Emit(TokenKind.Integer, text, long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Fail($"integer literal {text} is beyond 64 bits"));
        }

        Advance(end);
    }

    private int Digits(int i)
    {
        while (i < _source.Length && (char.IsAsciiDigit(_source[i]) || (_source[i] == '_' && i + 1 < _source.Length && char.IsAsciiDigit(_source[i + 1]))))
        {
            i++;
        }

        return i;
    }

    /// <summary>A quoted string with Python's <c>unicode-escape</c> decoding, as Jinja2 applies it.</summary>
    private void LexString(char quote)
    {
        var builder = new StringBuilder();
        var i = _pos + 1;
        while (true)
        {
            if (i >= _source.Length)
            {
                throw Fail($"unexpected char '{quote}' at {_pos}");
            }

            var c = _source[i];
            if (c == quote)
            {
                break;
            }

            if (c != '\\')
            {
                builder.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= _source.Length)
            {
                throw Fail($"unexpected char '{quote}' at {_pos}");
            }

            i = Escape(builder, i + 1);
        }

        Emit(TokenKind.String, _source[_pos..(i + 1)], builder.ToString());
        Advance(i + 1);
    }

    private int Escape(StringBuilder builder, int i)
    {
        var c = _source[i];
        switch (c)
        {
            case '\n': return i + 1;
            case '\\' or '\'' or '"': builder.Append(c); return i + 1;
            case 'n': builder.Append('\n'); return i + 1;
            case 't': builder.Append('\t'); return i + 1;
            case 'r': builder.Append('\r'); return i + 1;
            case 'a': builder.Append('\a'); return i + 1;
            case 'b': builder.Append('\b'); return i + 1;
            case 'f': builder.Append('\f'); return i + 1;
            case 'v': builder.Append('\v'); return i + 1;
            case 'x': return HexEscape(builder, i, 2);
            case 'u': return HexEscape(builder, i, 4);
            case 'U': return HexEscape(builder, i, 8);
            case >= '0' and <= '7':
                var end = i;
                while (end < i + 3 && end < _source.Length && _source[end] is >= '0' and <= '7')
                {
                    end++;
                }

                builder.Append((char)Convert.ToInt32(_source[i..end], 8));
                return end;
            default:
                builder.Append('\\').Append(c);
                return i + 1;
        }
    }

    private int HexEscape(StringBuilder builder, int i, int digits)
    {
        var start = i + 1;
        if (start + digits > _source.Length
            || !int.TryParse(_source.AsSpan(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw Fail($"invalid \\{_source[i]} escape in string literal");
        }

        builder.Append(char.ConvertFromUtf32(code));
        return start + digits;
    }
}
