using K2Verifier.Templates.Evaluation;
using K2Verifier.Templates.Runtime;

namespace K2Verifier.Templates.Library;

/// <summary>
/// Jinja2's builtin filters (those chat templates use) with Jinja2's own semantics, plus Hugging Face's <c>tojson</c>.
/// A filter Jinja2 has but this engine lacks fails with a clear message when reached, as an unknown filter does.
/// </summary>
internal static partial class Filters
{
    private delegate object? Filter(Evaluator evaluator, object? value, CallArguments arguments);

    private static readonly HashSet<string> Unsupported =
    [
        "batch", "filesizeformat", "forceescape", "groupby", "pprint", "slice", "striptags", "truncate", "urlencode",
        "urlize", "wordwrap", "xmlattr",
    ];

    private static readonly Dictionary<string, Filter> Registry = new(StringComparer.Ordinal)
    {
        ["abs"] = (_, v, a) => Abs(v),
        ["attr"] = (e, v, a) => e.GetAttribute(v, a.Accept("attr", "name").Require(0, "name", "attr") as string ?? throw JinjaError.Type("attribute name must be a string")),
        ["capitalize"] = (_, v, a) => PyString.Capitalize(PyRepr.Str(v)),
        ["center"] = (_, v, a) => Center(PyRepr.Str(v), (int)PyOps.ToLong(a.Accept("center", "width").Get(0, "width", 80L))),
        ["count"] = (_, v, a) => PyOps.Length(v),
        ["d"] = Default,
        ["default"] = Default,
        ["dictsort"] = DictSort,
        ["e"] = (_, v, a) => Escape(v),
        ["escape"] = (_, v, a) => Escape(v),
        ["first"] = (_, v, a) => PyOps.Iterate(v).Take(1).ToList() is [var first] ? first : new Undefined("first", hint: "No first item, sequence was empty."),
        ["float"] = (_, v, a) => ToFloat(v, a.Accept("float", "default").Get(0, "default", 0.0)),
        ["format"] = (_, v, a) => PyFormat.Percent(PyRepr.Str(v), FormatArguments(a)),
        ["indent"] = Indent,
        ["int"] = ToInt,
        ["items"] = Items,
        ["join"] = Join,
        ["last"] = (_, v, a) => Reverse(v).Take(1).ToList() is [var last] ? last : new Undefined("last", hint: "No last item, sequence was empty."),
        ["length"] = (_, v, a) => PyOps.Length(v),
        ["list"] = (_, v, a) => PyOps.Iterate(v).ToList(),
        ["lower"] = (_, v, a) => PyRepr.Str(v).ToLowerInvariant(),
        ["map"] = Map,
        ["max"] = (e, v, a) => MinOrMax(e, v, a, "max"),
        ["min"] = (e, v, a) => MinOrMax(e, v, a, "min"),
        ["reject"] = (e, v, a) => Select(e, v, a, byAttribute: false, keep: false),
        ["rejectattr"] = (e, v, a) => Select(e, v, a, byAttribute: true, keep: false),
        ["replace"] = Replace,
        ["reverse"] = (_, v, a) => v is string s ? Evaluator.Slice(s, null, null, -1L) : Reverse(v).ToList(),
        ["round"] = Round,
        ["safe"] = (_, v, a) => PyRepr.Str(v),
        ["select"] = (e, v, a) => Select(e, v, a, byAttribute: false, keep: true),
        ["selectattr"] = (e, v, a) => Select(e, v, a, byAttribute: true, keep: true),
        ["sort"] = Sort,
        ["string"] = (_, v, a) => PyRepr.Str(v),
        ["sum"] = Sum,
        ["title"] = (_, v, a) => TitleWords(PyRepr.Str(v)),
        ["tojson"] = ToJson,
        ["trim"] = (_, v, a) => PyString.Strip(PyRepr.Str(v), a.Accept("trim", "chars").Get(0, "chars"), left: true, right: true),
        ["unique"] = Unique,
        ["upper"] = (_, v, a) => PyRepr.Str(v).ToUpperInvariant(),
        ["wordcount"] = (_, v, a) => (long)WordPattern().Count(PyRepr.Str(v)),
    };

    public static bool Exists(string name) => Registry.ContainsKey(name);

    public static object? Apply(Evaluator evaluator, string name, object? value, CallArguments arguments)
    {
        if (!Registry.TryGetValue(name, out var filter))
        {
            throw JinjaError.Type(Unsupported.Contains(name)
                ? $"the filter '{name}' is not supported by this template engine"
                : $"No filter named '{name}'.");
        }

        return filter(evaluator, value, arguments);
    }

    private static object? Default(Evaluator evaluator, object? value, CallArguments arguments)
    {
        arguments.Accept("default", "default_value", "boolean");
        var useDefault = value is Undefined || (PyOps.IsTruthy(arguments.Get(1, "boolean", false)) && !PyOps.IsTruthy(value));
        return useDefault ? arguments.Get(0, "default_value", string.Empty) : value;
    }

    private static object? ToJson(Evaluator evaluator, object? value, CallArguments arguments)
    {
        arguments.Accept("tojson", "ensure_ascii", "indent", "separators", "sort_keys");
        return PyJson.Dumps(
            value,
            PyOps.IsTruthy(arguments.Get(0, "ensure_ascii", false)),
            arguments.Get(1, "indent"),
            arguments.Get(2, "separators"),
            PyOps.IsTruthy(arguments.Get(3, "sort_keys", false)));
    }

    private static object Abs(object? value) => value switch
    {
        long l => (object)checked(Math.Abs(l)),
        bool b => b ? 1L : 0L,
        double d => Math.Abs(d),
        _ => throw JinjaError.Type($"bad operand type for abs(): '{PyRepr.TypeName(value)}'"),
    };

    private static object? Items(Evaluator evaluator, object? value, CallArguments arguments) => value switch
    {
        Undefined => new List<object?>(),
        PyDict dict => dict.Items.Select(p => (object?)new PyTuple(p.Key, p.Value)).ToList(),
        _ => throw JinjaError.Type("Can only get item pairs from a mapping."),
    };

    private static object? FormatArguments(CallArguments arguments)
    {
        if (arguments.Keywords.Count > 0)
        {
            var mapping = new PyDict();
            foreach (var pair in arguments.Keywords)
            {
                mapping.Set(pair.Key, pair.Value);
            }

            return mapping;
        }

        return new PyTuple([.. arguments.Positional]);
    }

    private static string Escape(object? value) => PyRepr.Str(value)
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&#34;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"\w+")]
    private static partial System.Text.RegularExpressions.Regex WordPattern();
}
