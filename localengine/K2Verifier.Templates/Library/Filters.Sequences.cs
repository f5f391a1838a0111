using System.Globalization;
using K2Verifier.Templates.Evaluation;
using K2Verifier.Templates.Runtime;

namespace K2Verifier.Templates.Library;

/// <summary>Sequence filters: join, map, select/reject, sort, unique, min/max, sum.</summary>
internal static partial class Filters
{
    private static IEnumerable<object?> Reverse(object? value)
    {
        var items = PyOps.Iterate(value).ToList();
        items.Reverse();
        return items;
    }

    private static object? Join(Evaluator evaluator, object? value, CallArguments arguments)
    {
        arguments.Accept("join", "d", "attribute");
        var items = PyOps.Iterate(value);
        if (arguments.Get(1, "attribute") is { } attribute)
        {
            var getter = AttributeGetter(evaluator, attribute, fallback: null, ignoreCase: false);
            items = items.Select(getter).ToList();
        }

        return string.Join(PyRepr.Str(arguments.Get(0, "d", string.Empty)), items.Select(PyRepr.Str));
    }

    private static object? Map(Evaluator evaluator, object? value, CallArguments arguments)
    {
        if (!PyOps.IsTruthy(value))
        {
            return new List<object?>();
        }

        Func<object?, object?> function;
        if (arguments.Positional.Count == 0 && arguments.TryGet(-1, "attribute", out var attribute))
        {
            arguments.Accept("map", "attribute", "default");
            function = AttributeGetter(evaluator, attribute, arguments.Get(-1, "default"), ignoreCase: false);
        }
        else
        {
            var name = arguments.Positional.Count > 0 ? arguments.Positional[0] as string : null;
            if (name is null)
            {
                throw JinjaError.Type("map requires a filter argument");
            }

            var rest = arguments.Skip(1);
            function = item => Apply(evaluator, name, item, rest);
        }

        return PyOps.Iterate(value).Select(function).ToList();
    }

    private static object? Select(Evaluator evaluator, object? value, CallArguments arguments, bool byAttribute, bool keep)
    {
        if (!PyOps.IsTruthy(value))
        {
            return new List<object?>();
        }

        var offset = 0;
        Func<object?, object?> transform = item => item;
        if (byAttribute)
        {
            transform = AttributeGetter(evaluator, arguments.Require(0, "attribute", keep ? "selectattr" : "rejectattr"), fallback: null, ignoreCase: false);
            offset = 1;
        }

        Func<object?, bool> test = item => PyOps.IsTruthy(item);
        if (arguments.Positional.Count > offset)
        {
            var name = arguments.Positional[offset] as string ?? throw JinjaError.Type("test name must be a string");
            var rest = arguments.Skip(offset + 1);
            test = item => Tests.Apply(evaluator, name, item, rest);
        }

        return PyOps.Iterate(value).Where(item => test(transform(item)) == keep).ToList();
    }

    private static object? Sort(Evaluator evaluator, object? value, CallArguments arguments)
    {
        arguments.Accept("sort", "reverse", "case_sensitive", "attribute");
        var key = AttributeGetter(evaluator, arguments.Get(2, "attribute"), fallback: null, ignoreCase: !PyOps.IsTruthy(arguments.Get(1, "case_sensitive", false)));
        return SortBy(PyOps.Iterate(value), key, PyOps.IsTruthy(arguments.Get(0, "reverse", false)));
    }

    private static object? DictSort(Evaluator evaluator, object? value, CallArguments arguments)
    {
        arguments.Accept("dictsort", "case_sensitive", "by", "reverse");
        if (value is not PyDict dict)
        {
            throw JinjaError.Type("'dictsort' expects a mapping");
        }

        var position = arguments.Get(1, "by", "key") switch
        {
            "key" => 0,
            "value" => 1,
            _ => throw JinjaError.Type("You can only sort by either \"key\" or \"value\""),
        };
        var ignoreCase = !PyOps.IsTruthy(arguments.Get(0, "case_sensitive", false));
        var pairs = dict.Items.Select(p => (object?)new PyTuple(p.Key, p.Value));
        return SortBy(pairs, item => IgnoreCase(((PyTuple)item!)[position], ignoreCase), PyOps.IsTruthy(arguments.Get(2, "reverse", false)));
    }

    private static object? Unique(Evaluator evaluator, object? value, CallArguments arguments)
    {
        arguments.Accept("unique", "case_sensitive", "attribute");
        var key = AttributeGetter(evaluator, arguments.Get(1, "attribute"), fallback: null, ignoreCase: !PyOps.IsTruthy(arguments.Get(0, "case_sensitive", false)));
        var seen = new List<object?>();
        var result = new List<object?>();
        foreach (var item in PyOps.Iterate(value))
        {
            var k = key(item);
            if (!seen.Any(s => PyOps.Equal(s, k)))
            {
                seen.Add(k);
                result.Add(item);
            }
        }

        return result;
    }

    private static object? MinOrMax(Evaluator evaluator, object? value, CallArguments arguments, string name)
    {
        arguments.Accept(name, "case_sensitive", "attribute");
        var items = PyOps.Iterate(value).ToList();
        if (items.Count == 0)
        {
            return new Undefined(name, hint: "No aggregated item, sequence was empty.");
        }

        var key = AttributeGetter(evaluator, arguments.Get(1, "attribute"), fallback: null, ignoreCase: !PyOps.IsTruthy(arguments.Get(0, "case_sensitive", false)));
        var best = items[0];
        foreach (var item in items.Skip(1))
        {
            var order = PyOps.Compare(key(item), key(best), name == "max" ? ">" : "<");
            if (name == "max" ? order > 0 : order < 0)
            {
                best = item;
            }
        }

        return best;
    }

    private static object? Sum(Evaluator evaluator, object? value, CallArguments arguments)
    {
        arguments.Accept("sum", "attribute", "start");
        var total = arguments.Get(1, "start", 0L);
        var getter = AttributeGetter(evaluator, arguments.Get(0, "attribute"), fallback: null, ignoreCase: false);
        foreach (var item in PyOps.Iterate(value))
        {
            total = PyOps.Binary("+", total, getter(item));
        }

        return total;
    }

    private static List<object?> SortBy(IEnumerable<object?> items, Func<object?, object?> key, bool reverse)
    {
        var keyed = items.Select(item => (Item: item, Key: key(item))).ToList();
        var comparer = Comparer<object?>.Create((a, b) => PyOps.Compare(a, b, "<"));
        var sorted = reverse ? keyed.OrderByDescending(x => x.Key, comparer) : keyed.OrderBy(x => x.Key, comparer);
        try
        {
            return sorted.Select(x => x.Item).ToList();
        }
        catch (InvalidOperationException ex) when (ex.InnerException is JinjaError error)
        {
            throw error;
        }
    }

    /// <summary>Jinja2's <c>make_attrgetter</c>: dotted paths, integer parts as indexes, item lookup first.</summary>
    private static Func<object?, object?> AttributeGetter(Evaluator evaluator, object? attribute, object? fallback, bool ignoreCase)
    {
        var parts = attribute switch
        {
            null => [],
            string s => s.Split('.').Select(p => p.Length > 0 && p.All(char.IsAsciiDigit) ? (object?)long.Parse(p, CultureInfo.InvariantCulture) : p).ToArray(),
            _ => new[] { attribute },
        };
        return item =>
        {
            foreach (var part in parts)
            {
                item = evaluator.GetItem(item, part);
            }

            if (fallback is not null && item is Undefined)
            {
                item = fallback;
            }

            return IgnoreCase(item, ignoreCase);
        };
    }

    private static object? IgnoreCase(object? value, bool ignoreCase) => ignoreCase && value is string s ? s.ToLowerInvariant() : value;
}
