using System.Text;
using K2Verifier.Templates.Runtime;

namespace K2Verifier.Templates.Syntax;

/// <summary>
/// Jinja2's lexer as Hugging Face configures it: <c>trim_blocks</c> (drop the newline after a block or comment tag),
/// <c>lstrip_blocks</c> (drop spaces and tabs before a block or comment tag at the start of a line), <c>-</c>/<c>+</c>
/// whitespace control, <c>raw</c>, newlines normalised to <c>\n</c> and one trailing newline dropped.
/// </summary>
internal sealed partial class Lexer
{
    private readonly string _source;
    private readonly string _name;
    private readonly List<Token> _tokens = [];
    private int _pos;
    private int _line = 1;
    private bool _lineStarting = true;

    private Lexer(string source, string name)
    {
        _source = Normalize(source);
        _name = name;
    }

    public static List<Token> Tokenize(string source, string name)
    {
        var lexer = new Lexer(source, name);
        lexer.Run();
        return lexer._tokens;
    }

    private static string Normalize(string source)
    {
        var text = source.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return text.EndsWith('\n') ? text[..^1] : text;
    }

    private void Run()
    {
        while (_pos < _source.Length)
        {
            var open = FindOpener(_pos);
            if (open < 0)
            {
                Emit(TokenKind.Data, _source[_pos..]);
                Advance(_source.Length);
                break;
            }

            var kind = _source[open + 1];
            var sign = open + 2 < _source.Length && _source[open + 2] is '-' or '+' ? _source[open + 2] : '\0';
            var text = _source[_pos..open];
            var rawEnd = kind == '%' ? MatchRawBegin(open) : -1;
            EmitData(StripBefore(text, sign, kind != '{'));
            Advance(open + 2 + (sign == '\0' ? 0 : 1));
            _lineStarting = false;
            if (rawEnd >= 0)
            {
                Advance(rawEnd);
                LexRaw();
            }
            else if (kind == '#')
            {
                LexComment();
            }
            else
            {
                _tokens.Add(new Token(kind == '%' ? TokenKind.BlockBegin : TokenKind.VariableBegin, string.Empty, null, _line));
                LexTag(kind == '%');
            }
        }

        _tokens.Add(new Token(TokenKind.Eof, string.Empty, null, _line));
    }

    private int FindOpener(int from)
    {
        for (var i = _source.IndexOf('{', from); i >= 0 && i + 1 < _source.Length; i = _source.IndexOf('{', i + 1))
        {
            if (_source[i + 1] is '{' or '%' or '#')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Applies <c>-</c> (strip all whitespace) or <c>lstrip_blocks</c> to the data before a tag.</summary>
    private string StripBefore(string text, char sign, bool isBlockOrComment)
    {
        if (sign == '-')
        {
            return PyString.Strip(text, null, left: false, right: true);
        }

        if (sign != '+' && isBlockOrComment)
        {
            var lineStart = text.LastIndexOf('\n') + 1;
            if ((lineStart > 0 || _lineStarting) && text.AsSpan(lineStart).TrimStart(" \t").IsEmpty)
            {
                return text[..lineStart];
            }
        }

        return text;
    }

    /// <summary>If a <c>{% raw %}</c> tag starts at <paramref name="open"/>, the index just after it; else -1.</summary>
    private int MatchRawBegin(int open)
    {
        var i = open + 2;
        if (i < _source.Length && _source[i] is '-' or '+')
        {
            i++;
        }

        i = SkipSpace(i);
        if (string.CompareOrdinal(_source, i, "raw", 0, 3) != 0)
        {
            return -1;
        }

        i = SkipSpace(i + 3);
        if (string.CompareOrdinal(_source, i, "-%}", 0, 3) == 0)
        {
            return SkipSpace(i + 3);
        }

        return string.CompareOrdinal(_source, i, "%}", 0, 2) == 0 ? i + 2 : -1;
    }

    private void LexRaw()
    {
        for (var i = _source.IndexOf("{%", _pos, StringComparison.Ordinal); i >= 0; i = _source.IndexOf("{%", i + 1, StringComparison.Ordinal))
        {
            var j = i + 2;
            var sign = j < _source.Length && _source[j] is '-' or '+' ? _source[j++] : '\0';
            j = SkipSpace(j);
            if (string.CompareOrdinal(_source, j, "endraw", 0, 6) != 0)
            {
                continue;
            }

            var end = MatchBlockEnd(SkipSpace(j + 6));
            if (end < 0)
            {
                continue;
            }

            EmitData(StripBefore(_source[_pos..i], sign, isBlockOrComment: true));
            Advance(end);
            _lineStarting = _source[end - 1] == '\n';
            return;
        }

        throw Fail("Missing end of raw directive");
    }

    private void LexComment()
    {
        var close = _source.IndexOf("#}", _pos, StringComparison.Ordinal);
        if (close < 0)
        {
            throw Fail("Missing end of comment tag");
        }

        var end = close > _pos && _source[close - 1] == '-' ? SkipSpace(close + 2)
            : close > _pos && _source[close - 1] == '+' ? close + 2
            : close + 2 < _source.Length && _source[close + 2] == '\n' ? close + 3 : close + 2;
        Advance(end);
        _lineStarting = _source[end - 1] == '\n';
    }

    /// <summary>Matches <c>+%}</c>, <c>-%}\s*</c> or <c>%}\n?</c> at <paramref name="i"/>; the index after it, or -1.</summary>
    private int MatchBlockEnd(int i)
    {
        if (string.CompareOrdinal(_source, i, "+%}", 0, 3) == 0)
        {
            return i + 3;
        }

        if (string.CompareOrdinal(_source, i, "-%}", 0, 3) == 0)
        {
            return SkipSpace(i + 3);
        }

        if (string.CompareOrdinal(_source, i, "%}", 0, 2) == 0)
        {
            return i + 2 < _source.Length && _source[i + 2] == '\n' ? i + 3 : i + 2;
        }

        return -1;
    }

    private int SkipSpace(int i)
    {
        while (i < _source.Length && PyString.IsSpace(_source[i]))
        {
            i++;
        }

        return i;
    }

    private void EmitData(string text)
    {
        if (text.Length > 0)
        {
            Emit(TokenKind.Data, text);
        }
    }

    private void Emit(TokenKind kind, string value, object? literal = null) => _tokens.Add(new Token(kind, value, literal, _line));

    /// <summary>Moves to <paramref name="to"/>, counting the newlines passed.</summary>
    private void Advance(int to)
    {
        _line += _source.AsSpan(_pos, to - _pos).Count('\n');
        _pos = to;
    }

    private TemplateException Fail(string message) => new(TemplateErrorKind.Syntax, message, _name, _line);
}
