using K2Verifier.Templates.Evaluation;
using K2Verifier.Templates.Runtime;

namespace K2Verifier.Templates.Library;

/// <summary>
/// The Python methods of dict, list and tuple values (str methods are in <see cref="StringMethods"/>). Mutating
/// methods exist but are unsafe under the immutable sandbox: using them is a security error.
/// </summary>
internal static class Methods
{
    private static readonly HashSet<string> DictMutators = ["clear", "pop", "popitem", "setdefault", "update"];
    private static readonly HashSet<string> ListMutators = ["append", "clear", "extend", "insert", "pop", "remove", "reverse", "sort"];

    /// <summary>The bound method <paramref name="name"/> of <paramref name="target"/>, or null when it has none.</summary>
    public static object? Find(Evaluator evaluator, object? target, string name) => target switch
    {
        string s => StringMethods.Find(evaluator, s, name),
        PyDict dict => DictMethod(dict, name),
        List<object?> list => ListMutators.Contains(name) ? Unsafe(target, name) : SequenceMethod(list, name, isList: true),
        PyTuple tuple => SequenceMethod(tuple, name, isList: false),
        _ => null,
    };

    private static object? DictMethod(PyDict dict, string name)
    {
        if (DictMutators.Contains(name))
        {
            return Unsafe(dict, name);
        }

        return name switch
        {
            "get" => new PyFunction("dict.get", a =>
            {
                a.Accept("get", "key", "default");
                var key = a.Require(0, "key", "get");
                return dict.TryGet(key, out var value) ? value : a.Get(1, "default");
            }),
            "items" => new PyFunction("dict.items", a => dict.Items.Select(p => (object?)new PyTuple(p.Key, p.Value)).ToList()),
            "keys" => new PyFunction("dict.keys", a => dict.Keys.Cast<object?>().ToList()),
            "values" => new PyFunction("dict.values", a => dict.Values.ToList()),
            "copy" => new PyFunction("dict.copy", a =>
            {
                var copy = new PyDict();
                foreach (var pair in dict.Items)
                {
                    copy.Set(pair.Key, pair.Value);
                }

                return copy;
            }),
            "fromkeys" => new PyFunction("dict.fromkeys", a => throw JinjaError.Type("dict.fromkeys is not supported")),
            _ => null,
        };
    }

    private static PyFunction? SequenceMethod(IReadOnlyList<object?> items, string name, bool isList) => name switch
    {
        "count" => new PyFunction("count", a => (long)items.Count(x => PyOps.Equal(x, a.Require(0, "value", "count")))),
        "index" => new PyFunction("index", a =>
        {
            var value = a.Require(0, "value", "index");
            for (var i = 0; i < items.Count; i++)
            {
                if (PyOps.Equal(items[i], value))
                {
                    return (long)i;
                }
            }

            throw JinjaError.Type($"{PyRepr.Repr(value)} is not in {(isList ? "list" : "tuple")}");
        }),
        "copy" when isList => new PyFunction("list.copy", a => items.ToList()),
        _ => null,
    };

    private static Undefined Unsafe(object? target, string name) =>
        new(name, target, hasOwner: true, hint: $"access to attribute '{name}' of '{PyRepr.TypeName(target)}' object is unsafe.", errorKind: Templates.TemplateErrorKind.Security);
}
