using System.Text;

namespace K2Verifier.LocalEngine.Simulation;

/// <summary>
/// The shortest string a simple regular expression matches: literals, escapes (<c>\d \w \s</c> and escaped
/// punctuation), character classes with ranges, groups (first alternative), and the quantifiers <c>? * + {n} {n,} {n,m}</c>.
/// Anchors are dropped. Enough for the patterns tool schemas use; not a general regex engine.
/// </summary>
internal static class PatternString
{
    public static string Generate(string pattern)
    {
        var position = 0;
        return Sequence(pattern, ref position);
    }

    private static string Sequence(string p, ref int i)
    {
        var text = new StringBuilder();
        while (i < p.Length && p[i] != ')')
        {
            if (p[i] == '|')
            {
                // Keep the first alternative: skip the rest of this group or pattern.
                var depth = 0;
                while (i < p.Length && (p[i] != ')' || depth > 0))
                {
                    depth += p[i] == '(' ? 1 : p[i] == ')' ? -1 : 0;
                    i += p[i] == '\\' ? 2 : 1;
                }

                break;
            }

            var atom = Atom(p, ref i);
            var (min, _) = Quantifier(p, ref i);
            for (var n = 0; n < min; n++)
            {
                text.Append(atom);
            }
        }

        return text.ToString();
    }

    private static string Atom(string p, ref int i)
    {
        var c = p[i++];
        switch (c)
        {
            case '^' or '$':
                return string.Empty;
            case '.':
                return "a";
            case '\\':
                return Escape(p[i++]).ToString();
            case '(':
                if (i + 1 < p.Length && p[i] == '?' && p[i + 1] == ':')
                {
                    i += 2;
                }

                var inner = Sequence(p, ref i);
                i++; // ')'
                return inner;
            case '[':
                var negated = i < p.Length && p[i] == '^';
                var first = '\0';
                while (i < p.Length && p[i] != ']')
                {
                    var member = p[i] == '\\' ? Escape(p[++i]) : p[i];
                    if (first == '\0')
                    {
                        first = member;
                    }

                    i++;
                }

                i++; // ']'
                return (negated ? (first == 'a' ? 'b' : 'a') : first).ToString();
            default:
                return c.ToString();
        }
    }

    private static char Escape(char c) => c switch
    {
        'd' => '0',
        'w' => 'a',
        's' => ' ',
        _ => c,
    };

    private static (int Min, int? Max) Quantifier(string p, ref int i)
    {
        if (i >= p.Length)
        {
            return (1, 1);
        }

        switch (p[i])
        {
            case '?':
                i++;
                return (0, 1);
            case '*':
                i++;
                return (0, null);
            case '+':
                i++;
                return (1, null);
            case '{':
                var close = p.IndexOf('}', i);
                var body = p[(i + 1)..close].Split(',');
                i = close + 1;
                return (int.Parse(body[0], System.Globalization.CultureInfo.InvariantCulture), null);
            default:
                return (1, 1);
        }
    }
}
