using K2Verifier.Templates.Evaluation;
using K2Verifier.Templates.Runtime;

namespace K2Verifier.Templates.Library;

/// <summary>Python <c>str</c> methods with Python semantics (whitespace, code points, empty separators).</summary>
internal static class StringMethods
{
    /// <summary>Every attribute of Python's str; the ones not implemented here fail clearly when called.</summary>
    private static readonly HashSet<string> PythonNames =
    [
        "capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find", "format", "format_map",
        "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric",
        "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition",
        "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split",
        "splitlines", "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill",
    ];

    public static PyFunction? Find(Evaluator evaluator, string s, string name)
    {
        if (!PythonNames.Contains(name))
        {
            return null;
        }

        Func<CallArguments, object?> body = name switch
        {
            "startswith" => a => Affix(s, a, "startswith", (x, p) => x.StartsWith(p, StringComparison.Ordinal)),
            "endswith" => a => Affix(s, a, "endswith", (x, p) => x.EndsWith(p, StringComparison.Ordinal)),
            "split" => a => PyString.Split(s, a.Accept("split", "sep", "maxsplit").Get(0, "sep"), PyOps.ToLong(a.Get(1, "maxsplit", -1L))),
            "rsplit" => a => PyString.RightSplit(s, a.Accept("rsplit", "sep", "maxsplit").Get(0, "sep"), PyOps.ToLong(a.Get(1, "maxsplit", -1L))),
            "strip" => a => PyString.Strip(s, a.Accept("strip", "chars").Get(0, "chars"), left: true, right: true),
            "lstrip" => a => PyString.Strip(s, a.Accept("lstrip", "chars").Get(0, "chars"), left: true, right: false),
            "rstrip" => a => PyString.Strip(s, a.Accept("rstrip", "chars").Get(0, "chars"), left: false, right: true),
            "lower" or "casefold" => a => s.ToLowerInvariant(),
            "upper" => a => s.ToUpperInvariant(),
            "title" => a => PyString.Title(s),
            "capitalize" => a => PyString.Capitalize(s),
            "swapcase" => a => string.Concat(s.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))),
            "replace" => a => PyString.Replace(s, Text(a.Require(0, "old", "replace")), Text(a.Require(1, "new", "replace")), PyOps.ToLong(a.Get(2, "count", -1L))),
            "format" => a => PyFormat.Format(s, a, evaluator.GetAttribute),
            "join" => a => string.Join(s, PyOps.Iterate(a.Require(0, "iterable", "join")).Select(x => x as string
                ?? throw JinjaError.Type($"sequence item: expected str instance, {PyRepr.TypeName(x)} found"))),
            "find" => a => (long)Find(s, Text(a.Require(0, "sub", "find")), last: false),
            "rfind" => a => (long)Find(s, Text(a.Require(0, "sub", "rfind")), last: true),
            "index" or "rindex" => a => Find(s, Text(a.Require(0, "sub", name)), last: name == "rindex") is var i and >= 0
                ? (long)i : throw JinjaError.Type("substring not found"),
            "count" => a => Count(s, Text(a.Require(0, "sub", "count"))),
            "isdigit" or "isdecimal" or "isnumeric" => a => s.Length > 0 && s.All(char.IsDigit),
            "isalpha" => a => s.Length > 0 && s.All(char.IsLetter),
            "isalnum" => a => s.Length > 0 && s.All(char.IsLetterOrDigit),
            "isspace" => a => s.Length > 0 && s.All(PyString.IsSpace),
            "islower" => a => s.Any(char.IsLower) && !s.Any(char.IsUpper),
            "isupper" => a => s.Any(char.IsUpper) && !s.Any(char.IsLower),
            "isascii" => a => s.All(char.IsAscii),
            "removeprefix" => a => Text(a.Require(0, "prefix", name)) is var p && s.StartsWith(p, StringComparison.Ordinal) ? s[p.Length..] : s,
            "removesuffix" => a => Text(a.Require(0, "suffix", name)) is var p && p.Length > 0 && s.EndsWith(p, StringComparison.Ordinal) ? s[..^p.Length] : s,
            "splitlines" => a => Filters.SplitLines(s, PyOps.IsTruthy(a.Get(0, "keepends", false))),
            "zfill" => a => ZeroFill(s, (int)PyOps.ToLong(a.Require(0, "width", "zfill"))),
            "center" => a => Filters.Center(s, (int)PyOps.ToLong(a.Require(0, "width", "center"))),
            "ljust" => a => s.PadRight((int)PyOps.ToLong(a.Require(0, "width", "ljust"))),
            "rjust" => a => s.PadLeft((int)PyOps.ToLong(a.Require(0, "width", "rjust"))),
            "partition" or "rpartition" => a => Partition(s, Text(a.Require(0, "sep", name)), last: name == "rpartition"),
            _ => a => throw JinjaError.Type($"str.{name}() is not supported by this template engine"),
        };
        return new PyFunction("str." + name, body);
    }

    private static string Text(object? value) =>
        value as string ?? throw JinjaError.Type($"must be str, not {PyRepr.TypeName(value)}");

    private static bool Affix(string s, CallArguments a, string name, Func<string, string, bool> test)
    {
        var affix = a.Require(0, name == "startswith" ? "prefix" : "suffix", name);
        var start = a.Get(1, "start") is { } from ? (int)Math.Clamp(PyOps.ToLong(from) < 0 ? PyOps.ToLong(from) + s.Length : PyOps.ToLong(from), 0, s.Length) : 0;
        var text = s[start..];
        return affix switch
        {
            string one => test(text, one),
            PyTuple many => many.Any(x => test(text, Text(x))),
            _ => throw JinjaError.Type($"{name} first arg must be str or a tuple of str, not {PyRepr.TypeName(affix)}"),
        };
    }

    private static int Find(string s, string sub, bool last)
    {
        var index = last ? s.LastIndexOf(sub, StringComparison.Ordinal) : s.IndexOf(sub, StringComparison.Ordinal);
        if (index <= 0 || !PyString.HasSurrogates(s))
        {
            return index;
        }

        return (int)PyString.Length(s[..index]);
    }

    private static long Count(string s, string sub)
    {
        if (sub.Length == 0)
        {
            return PyString.Length(s) + 1;
        }

        long count = 0;
        for (var i = s.IndexOf(sub, StringComparison.Ordinal); i >= 0; i = s.IndexOf(sub, i + sub.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string ZeroFill(string s, int width)
    {
        if (s.Length >= width)
        {
            return s;
        }

        var sign = s.Length > 0 && s[0] is '+' or '-' ? s[..1] : string.Empty;
        return sign + s[sign.Length..].PadLeft(width - sign.Length, '0');
    }

    private static PyTuple Partition(string s, string separator, bool last)
    {
        if (separator.Length == 0)
        {
            throw JinjaError.Type("empty separator");
        }

        var index = last ? s.LastIndexOf(separator, StringComparison.Ordinal) : s.IndexOf(separator, StringComparison.Ordinal);
        if (index < 0)
        {
            return last ? new PyTuple(string.Empty, string.Empty, s) : new PyTuple(s, string.Empty, string.Empty);
        }

        return new PyTuple(s[..index], separator, s[(index + separator.Length)..]);
    }
}
