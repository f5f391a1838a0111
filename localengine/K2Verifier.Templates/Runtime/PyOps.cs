using K2Verifier.Json;

namespace K2Verifier.Templates.Runtime;

/// <summary>Python semantics of truthiness, equality, ordering, membership, iteration and length.</summary>
internal static partial class PyOps
{
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        Undefined => false,
        bool b => b,
        long l => l != 0,
        double d => d != 0,
        string s => s.Length > 0,
        List<object?> list => list.Count > 0,
        PyTuple tuple => tuple.Count > 0,
        PyDict dict => dict.Count > 0,
        _ => true,
    };

    public static bool IsNumber(object? value) => value is long or double or bool;

    public static bool Equal(object? a, object? b)
    {
        if (ReferenceEquals(a, b))
        {
            return a is not double d || !double.IsNaN(d);
        }

        switch (a)
        {
            case null:
                return false;
            case Undefined:
                return b is Undefined;
            case string sa:
                return b is string sb && string.Equals(sa, sb, StringComparison.Ordinal);
            case bool or long or double when IsNumber(b):
                return a is double || b is double ? ToDouble(a) == ToDouble(b) : ToLong(a) == ToLong(b);
            case List<object?> la:
                return b is List<object?> lb && SequenceEqual(la, lb);
            case PyTuple ta:
                return b is PyTuple tb && SequenceEqual(ta, tb);
            case PyDict da:
                return b is PyDict db && DictEqual(da, db);
            default:
                return false;
        }
    }

    /// <summary>Python's ordering (<c>&lt;</c> and friends): numbers, strings by code point, sequences lexicographically.</summary>
    public static int Compare(object? a, object? b, string op)
    {
        if (a is Undefined ua)
        {
            throw ua.Fail();
        }

        if (b is Undefined ub)
        {
            throw ub.Fail();
        }

        if (IsNumber(a) && IsNumber(b))
        {
            return a is double || b is double ? ToDouble(a).CompareTo(ToDouble(b)) : ToLong(a).CompareTo(ToLong(b));
        }

        if (a is string sa && b is string sb)
        {
            return Math.Sign(CodePointComparer.Instance.Compare(sa, sb));
        }

        if ((a is List<object?> && b is List<object?>) || (a is PyTuple && b is PyTuple))
        {
            var la = (IReadOnlyList<object?>)a;
            var lb = (IReadOnlyList<object?>)b;
            for (var i = 0; i < Math.Min(la.Count, lb.Count); i++)
            {
                if (!Equal(la[i], lb[i]))
                {
                    return Compare(la[i], lb[i], op);
                }
            }

            return la.Count.CompareTo(lb.Count);
        }

        throw JinjaError.Type($"'{op}' not supported between instances of '{PyRepr.TypeName(a)}' and '{PyRepr.TypeName(b)}'");
    }

    public static bool Contains(object? container, object? item)
    {
        switch (container)
        {
            case string s:
                return item is string needle
                    ? s.Contains(needle, StringComparison.Ordinal)
                    : throw JinjaError.Type($"'in <string>' requires string as left operand, not {PyRepr.TypeName(item)}");
            case PyDict dict:
                return dict.ContainsKey(item);
            case Undefined:
                return false;
            case List<object?> or PyTuple:
                return ((IEnumerable<object?>)container).Any(x => Equal(x, item));
            default:
                throw JinjaError.Type($"argument of type '{PyRepr.TypeName(container)}' is not iterable");
        }
    }

    public static IEnumerable<object?> Iterate(object? value) => value switch
    {
        List<object?> list => list,
        PyTuple tuple => tuple,
        PyDict dict => dict.Keys,
        string s => PyString.Characters(s),
        Undefined => [],
        _ => throw JinjaError.Type($"'{PyRepr.TypeName(value)}' object is not iterable"),
    };

    public static long Length(object? value) => value switch
    {
        string s => PyString.Length(s),
        List<object?> list => list.Count,
        PyTuple tuple => tuple.Count,
        PyDict dict => dict.Count,
        Undefined => 0,
        _ => throw JinjaError.Type($"object of type '{PyRepr.TypeName(value)}' has no len()"),
    };

    public static double ToDouble(object? value) => value switch
    {
        double d => d,
        long l => l,
        bool b => b ? 1 : 0,
        _ => throw JinjaError.Type($"must be real number, not {PyRepr.TypeName(value)}"),
    };

    public static long ToLong(object? value) => value switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        _ => throw JinjaError.Type($"'{PyRepr.TypeName(value)}' object cannot be interpreted as an integer"),
    };

    private static bool SequenceEqual(IReadOnlyList<object?> a, IReadOnlyList<object?> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!Equal(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool DictEqual(PyDict a, PyDict b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var pair in a.Items)
        {
            if (!b.TryGet(pair.Key, out var other) || !Equal(pair.Value, other))
            {
                return false;
            }
        }

        return true;
    }
}
