using System.Globalization;
using System.Text;

namespace K2Verifier.Validation.Patterns;

/// <summary>
/// Translates a Python 3 <c>re</c> pattern (str pattern, Unicode mode) to an equivalent .NET pattern, rejecting what
/// Python rejects: <c>\p{…}</c> and other unknown escapes, <c>(?&lt;name&gt;…)</c>, unterminated sets, bad ranges,
/// unknown group names. Python matches code points, .NET UTF-16 units, so <c>.</c>, negated sets and astral literals
/// are widened to match a whole surrogate pair.
/// </summary>
internal sealed partial class PythonRegexTranslator
{
    internal const string SurrogatePair = @"[\uD800-\uDBFF][\uDC00-\uDFFF]";
    private const string WordClass = @"\p{L}\p{N}_";
    private const string SpaceClass = @"\s\x1c-\x1f";

    private readonly string _pattern;
    private readonly StringBuilder _output = new();
    private readonly List<string> _groupNames = [];
    private readonly HashSet<string> _namedGroups = new(StringComparer.Ordinal);
    private int _position;

    private PythonRegexTranslator(string pattern) => _pattern = pattern;

    /// <summary>Returns the .NET pattern; throws <see cref="PythonRegexException"/> where Python's <c>re.compile</c> fails.</summary>
    public static string Translate(string pattern)
    {
        var translator = new PythonRegexTranslator(pattern);
        translator.Run();
        return translator._output.ToString();
    }

    private bool AtEnd => _position >= _pattern.Length;

    private char Peek(int offset = 0) => _position + offset < _pattern.Length ? _pattern[_position + offset] : '\0';

    private void Run()
    {
        var depth = 0;
        while (!AtEnd)
        {
            var c = _pattern[_position];
            switch (c)
            {
                case '\\':
                    TranslateEscape();
                    break;
                case '[':
                    TranslateClass();
                    break;
                case '(':
                    depth += TranslateGroupOpen();
                    break;
                case ')':
                    if (depth == 0)
                    {
                        throw Error("unbalanced parenthesis");
                    }

                    depth--;
                    _output.Append(')');
                    _position++;
                    break;
                case '.':
                    _output.Append("(?:").Append(SurrogatePair).Append("|.)");
                    _position++;
                    break;
                case '{':
                    TranslateBrace();
                    break;
                default:
                    AppendLiteralOutside();
                    break;
            }
        }

        if (depth != 0)
        {
            throw Error("missing ), unterminated subpattern");
        }
    }

    private void AppendLiteralOutside()
    {
        var c = _pattern[_position];
        if (char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)))
        {
            _output.Append("(?:").Append(c).Append(Peek(1)).Append(')');
            _position += 2;
            return;
        }

        _output.Append(c);
        _position++;
    }

    private void TranslateBrace()
    {
        // Python: {m}, {m,}, {,n}, {m,n} is a repeat; anything else is a literal '{'.
        var close = _pattern.IndexOf('}', _position);
        if (close > 0)
        {
            var body = _pattern.AsSpan(_position + 1, close - _position - 1);
            var comma = body.IndexOf(',');
            var low = comma < 0 ? body : body[..comma];
            var high = comma < 0 ? ReadOnlySpan<char>.Empty : body[(comma + 1)..];
            if (IsDigits(low, allowEmpty: comma >= 0) && IsDigits(high, allowEmpty: true) && !(low.IsEmpty && high.IsEmpty && comma < 0))
            {
                if (!low.IsEmpty && !high.IsEmpty &&
                    ulong.Parse(low, CultureInfo.InvariantCulture) > ulong.Parse(high, CultureInfo.InvariantCulture))
                {
                    throw Error("min repeat greater than max repeat");
                }

                _output.Append('{').Append(low.IsEmpty ? "0" : low.ToString());
                if (comma >= 0)
                {
                    _output.Append(',').Append(high);
                }

                _output.Append('}');
                _position = close + 1;
                return;
            }
        }

        _output.Append(@"\{");
        _position++;
    }

    private static bool IsDigits(ReadOnlySpan<char> text, bool allowEmpty)
    {
        if (text.IsEmpty)
        {
            return allowEmpty;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static PythonRegexException Error(string message) => new(message);

    private static string CodePointLiteral(int codePoint) =>
        codePoint > 0xFFFF
            ? "(?:" + char.ConvertFromUtf32(codePoint) + ")"
            : "\\u" + codePoint.ToString("X4", CultureInfo.InvariantCulture);
}
