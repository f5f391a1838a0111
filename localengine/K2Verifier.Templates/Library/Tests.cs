using K2Verifier.Templates.Evaluation;
using K2Verifier.Templates.Runtime;

namespace K2Verifier.Templates.Library;

/// <summary>Jinja2's builtin tests (<c>x is defined</c>, <c>x is string</c>, …) with Python's type rules.</summary>
internal static class Tests
{
    private delegate bool Test(object? value, CallArguments arguments);

    private static readonly Dictionary<string, Test> Registry = new(StringComparer.Ordinal)
    {
        ["boolean"] = (v, a) => v is bool,
        ["callable"] = (v, a) => v is PyFunction or Macro,
        ["defined"] = (v, a) => v is not Undefined,
        ["undefined"] = (v, a) => v is Undefined,
        ["divisibleby"] = (v, a) => PyOps.Equal(PyOps.Binary("%", v, a.Require(0, "num", "divisibleby")), 0L),
        ["eq"] = Equal,
        ["equalto"] = Equal,
        ["=="] = Equal,
        ["ne"] = (v, a) => !Equal(v, a),
        ["!="] = (v, a) => !Equal(v, a),
        ["lt"] = (v, a) => Evaluator.Compare("lt", v, a.Require(0, "other", "lt")),
        ["lessthan"] = (v, a) => Evaluator.Compare("lt", v, a.Require(0, "other", "lt")),
        ["<"] = (v, a) => Evaluator.Compare("lt", v, a.Require(0, "other", "lt")),
        ["le"] = (v, a) => Evaluator.Compare("le", v, a.Require(0, "other", "le")),
        ["<="] = (v, a) => Evaluator.Compare("le", v, a.Require(0, "other", "le")),
        ["gt"] = (v, a) => Evaluator.Compare("gt", v, a.Require(0, "other", "gt")),
        ["greaterthan"] = (v, a) => Evaluator.Compare("gt", v, a.Require(0, "other", "gt")),
        [">"] = (v, a) => Evaluator.Compare("gt", v, a.Require(0, "other", "gt")),
        ["ge"] = (v, a) => Evaluator.Compare("ge", v, a.Require(0, "other", "ge")),
        [">="] = (v, a) => Evaluator.Compare("ge", v, a.Require(0, "other", "ge")),
        ["escaped"] = (v, a) => false,
        ["even"] = (v, a) => PyOps.Equal(PyOps.Binary("%", v, 2L), 0L),
        ["odd"] = (v, a) => PyOps.Equal(PyOps.Binary("%", v, 2L), 1L),
        ["false"] = (v, a) => v is false,
        ["true"] = (v, a) => v is true,
        ["filter"] = (v, a) => v is string name && Filters.Exists(name),
        ["test"] = (v, a) => v is string name && Exists(name),
        ["float"] = (v, a) => v is double,
        ["integer"] = (v, a) => v is long,
        ["number"] = (v, a) => PyOps.IsNumber(v),
        ["in"] = (v, a) => PyOps.Contains(a.Require(0, "seq", "in"), v),
        ["iterable"] = (v, a) => v is string or List<object?> or PyTuple or PyDict or Undefined,
        ["sequence"] = (v, a) => v is string or List<object?> or PyTuple or PyDict or Undefined,
        ["mapping"] = (v, a) => v is PyDict,
        ["string"] = (v, a) => v is string,
        ["none"] = (v, a) => v is null,
        ["lower"] = (v, a) => PyRepr.Str(v) is var s && s.Any(char.IsLower) && !s.Any(char.IsUpper),
        ["upper"] = (v, a) => PyRepr.Str(v) is var s && s.Any(char.IsUpper) && !s.Any(char.IsLower),
        ["sameas"] = (v, a) => SameAs(v, a.Require(0, "other", "sameas")),
    };

    public static bool Exists(string name) => Registry.ContainsKey(name);

    public static bool Apply(Evaluator evaluator, string name, object? value, CallArguments arguments)
    {
        return Registry.TryGetValue(name, out var test)
            ? test(value, arguments)
            : throw JinjaError.Type($"No test named '{name}'.");
    }

    private static bool Equal(object? value, CallArguments arguments) => PyOps.Equal(value, arguments.Require(0, "other", "eq"));

    /// <summary>Python's <c>is</c>: identity; None, booleans and small integers are singletons.</summary>
    private static bool SameAs(object? value, object? other) => (value, other) switch
    {
        (null, null) => true,
        (bool a, bool b) => a == b,
        (long a, long b) => a == b && a is >= -5 and <= 256,
        _ => ReferenceEquals(value, other),
    };
}
