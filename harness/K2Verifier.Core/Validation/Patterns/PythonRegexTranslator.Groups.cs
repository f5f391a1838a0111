namespace K2Verifier.Validation.Patterns;

/// <summary>Group syntax: <c>(?P&lt;name&gt;…)</c>, <c>(?P=name)</c>, inline flags, comments, lookarounds.</summary>
internal sealed partial class PythonRegexTranslator
{
    /// <summary>Translates a group opener; returns 1 when a group was opened (0 for a comment or a global flag).</summary>
    private int TranslateGroupOpen()
    {
        _position++;
        if (Peek() != '?')
        {
            OpenCapture(null);
            return 1;
        }

        _position++;
        var c = Peek();
        switch (c)
        {
            case ':' or '=' or '!' or '>':
                _output.Append("(?").Append(c);
                _position++;
                return 1;
            case '<' when Peek(1) is '=' or '!':
                _output.Append("(?<").Append(Peek(1));
                _position += 2;
                return 1;
            case '#':
                var close = _pattern.IndexOf(')', _position);
                if (close < 0)
                {
                    throw Error("missing ), unterminated comment");
                }

                _position = close + 1;
                return 0;
            case 'P':
                return TranslateNamedConstruct();
            case '(':
                TranslateConditional();
                return 1;
            default:
                return TranslateFlags();
        }
    }

    private void OpenCapture(string? pythonName)
    {
        var name = pythonName ?? "_g" + (_groupNames.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _groupNames.Add(name);
        _output.Append("(?<").Append(name).Append('>');
    }

    private int TranslateNamedConstruct()
    {
        _position++;
        if (Peek() == '<')
        {
            _position++;
            var name = ReadName('>');
            if (!_namedGroups.Add(name))
            {
                throw Error($"redefinition of group name '{name}'");
            }

            OpenCapture(name);
            return 1;
        }

        if (Peek() == '=')
        {
            _position++;
            var name = ReadName(')');
            if (!_namedGroups.Contains(name))
            {
                throw Error($"unknown group name '{name}'");
            }

            _output.Append(@"(?:\k<").Append(name).Append('>');
            return 1;
        }

        throw Error("unknown extension ?P");
    }

    private string ReadName(char terminator)
    {
        var end = _pattern.IndexOf(terminator, _position);
        if (end < 0)
        {
            throw Error("missing group name terminator");
        }

        var name = _pattern[_position..end];
        if (!IsIdentifier(name))
        {
            throw Error($"bad character in group name '{name}'");
        }

        _position = end + 1;
        if (terminator == ')')
        {
            _position--;
        }

        return name;
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private void TranslateConditional()
    {
        _position++;
        var end = _pattern.IndexOf(')', _position);
        if (end < 0)
        {
            throw Error("missing ), unterminated name");
        }

        var reference = _pattern[_position..end];
        string target;
        if (int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            target = number >= 1 && number <= _groupNames.Count ? _groupNames[number - 1] : throw Error("invalid group reference");
        }
        else
        {
            target = _namedGroups.Contains(reference) ? reference : throw Error($"unknown group name '{reference}'");
        }

        _output.Append("(?(").Append(target).Append(')');
        _position = end + 1;
    }

    private int TranslateFlags()
    {
        var start = _position;
        var flags = new System.Text.StringBuilder();
        var negative = false;
        while (!AtEnd && Peek() is not (')' or ':'))
        {
            var c = Peek();
            switch (c)
            {
                case 'i' or 'm' or 's' or 'x':
                    flags.Append(c);
                    break;
                case 'a' or 'u':
                    if (negative)
                    {
                        throw Error("bad inline flag");
                    }

                    break;
                case '-' when !negative:
                    negative = true;
                    flags.Append('-');
                    break;
                case 'L':
                    throw Error("bad inline flag: cannot use 'L' flag with a str pattern");
                default:
                    throw Error(_position == start ? $"unknown extension ?{c}" : "unknown flag");
            }

            _position++;
        }

        if (AtEnd)
        {
            throw Error("missing -, : or )");
        }

        if (Peek() == ')')
        {
            if (negative)
            {
                throw Error("missing :");
            }

            if (start != 2)
            {
                throw Error("global flags not at the start of the expression");
            }

            _position++;
            if (flags.Length > 0)
            {
                _output.Append("(?").Append(flags).Append(')');
            }

            return 0;
        }

        _position++;
        _output.Append("(?").Append(flags).Append(':');
        return 1;
    }
}
