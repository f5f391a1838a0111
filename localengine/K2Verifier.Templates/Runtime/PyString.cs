using System.Text;

namespace K2Verifier.Templates.Runtime;

/// <summary>Python string semantics over .NET UTF-16 strings: lengths, indexes and slices count code points.</summary>
internal static class PyString
{
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || (c >= '\x1c' && c <= '\x1f');

    public static bool HasSurrogates(string s) => s.AsSpan().IndexOfAnyInRange('\ud800', '\udfff') >= 0;

    public static long Length(string s) => HasSurrogates(s) ? s.EnumerateRunes().Count() : s.Length;

    public static IEnumerable<object?> Characters(string s)
    {
        if (!HasSurrogates(s))
        {
            foreach (var c in s)
            {
                yield return c.ToString();
            }

            yield break;
        }

        foreach (var rune in s.EnumerateRunes())
        {
            yield return rune.ToString();
        }
    }

    /// <summary>The string as code points (one string per code point) when it has surrogates, else null.</summary>
    public static IReadOnlyList<string>? CodePoints(string s) => HasSurrogates(s) ? [.. s.EnumerateRunes().Select(r => r.ToString())] : null;

    public static string Strip(string s, object? chars, bool left, bool right)
    {
        Func<char, bool> strip = chars switch
        {
            null or Undefined => IsSpace,
            string set => set.Contains,
            _ => throw JinjaError.Type($"strip arg must be None or str"),
        };
        var start = 0;
        var end = s.Length;
        while (left && start < end && strip(s[start]))
        {
            start++;
        }

        while (right && end > start && strip(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    public static List<object?> Split(string s, object? separator, long maxSplit)
    {
        var result = new List<object?>();
        if (separator is null)
        {
            var i = 0;
            while (true)
            {
                while (i < s.Length && IsSpace(s[i]))
                {
                    i++;
                }

                if (i >= s.Length)
                {
                    break;
                }

                if (maxSplit >= 0 && result.Count >= maxSplit)
                {
                    result.Add(s[i..]);
                    break;
                }

                var start = i;
                while (i < s.Length && !IsSpace(s[i]))
                {
                    i++;
                }

                result.Add(s[start..i]);
            }

            return result;
        }

        var sep = separator as string ?? throw JinjaError.Type($"must be str or None, not {PyRepr.TypeName(separator)}");
        if (sep.Length == 0)
        {
            throw JinjaError.Type("empty separator");
        }

        var position = 0;
        while (maxSplit < 0 || result.Count < maxSplit)
        {
            var found = s.IndexOf(sep, position, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            result.Add(s[position..found]);
            position = found + sep.Length;
        }

        result.Add(s[position..]);
        return result;
    }

    public static List<object?> RightSplit(string s, object? separator, long maxSplit)
    {
        if (maxSplit < 0)
        {
            return Split(s, separator, maxSplit);
        }

        if (separator is null)
        {
            var parts = new List<object?>();
            var end = s.Length;
            while (true)
            {
                while (end > 0 && IsSpace(s[end - 1]))
                {
                    end--;
                }

                if (end == 0)
                {
                    break;
                }

                if (parts.Count >= maxSplit)
                {
                    parts.Add(s[..end]);
                    break;
                }

                var start = end;
                while (start > 0 && !IsSpace(s[start - 1]))
                {
                    start--;
                }

                parts.Add(s[start..end]);
                end = start;
            }

            parts.Reverse();
            return parts;
        }

        var sep = separator as string ?? throw JinjaError.Type($"must be str or None, not {PyRepr.TypeName(separator)}");
        if (sep.Length == 0)
        {
            throw JinjaError.Type("empty separator");
        }

        var result = new List<object?>();
        var position = s.Length;
        while (result.Count < maxSplit)
        {
            var found = position == 0 ? -1 : s.LastIndexOf(sep, position - 1, StringComparison.Ordinal);
            if (found < 0 || found + sep.Length > position)
            {
                break;
            }

            result.Add(s[(found + sep.Length)..position]);
            position = found;
        }

        result.Add(s[..position]);
        result.Reverse();
        return result;
    }

    public static string Replace(string s, string old, string replacement, long count)
    {
        if (count < 0)
        {
            count = long.MaxValue;
        }

        var builder = new StringBuilder();
        if (old.Length == 0)
        {
            var chars = Characters(s).Cast<string>().ToList();
            for (var i = 0; i < chars.Count; i++)
            {
                if (i < count)
                {
                    builder.Append(replacement);
                }

                builder.Append(chars[i]);
            }

            if (chars.Count < count)
            {
                builder.Append(replacement);
            }

            return builder.ToString();
        }

        var position = 0;
        long done = 0;
        while (done < count)
        {
            var found = s.IndexOf(old, position, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            builder.Append(s, position, found - position).Append(replacement);
            position = found + old.Length;
            done++;
        }

        return builder.Append(s, position, s.Length - position).ToString();
    }

    /// <summary>Python's <c>str.title()</c>: a cased letter after an uncased character starts a word.</summary>
    public static string Title(string s)
    {
        var builder = new StringBuilder(s.Length);
        var previousCased = false;
        foreach (var c in s)
        {
            if (char.IsUpper(c) || char.IsLower(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.TitlecaseLetter)
            {
                builder.Append(previousCased ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
                previousCased = true;
            }
            else
            {
                builder.Append(c);
                previousCased = false;
            }
        }

        return builder.ToString();
    }

    public static string Capitalize(string s) =>
        s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();
}
