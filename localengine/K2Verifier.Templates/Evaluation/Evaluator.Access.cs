using K2Verifier.Templates.Library;
using K2Verifier.Templates.Runtime;

namespace K2Verifier.Templates.Evaluation;

/// <summary>
/// <c>obj.name</c> (attribute, then item) and <c>obj[key]</c> (item, then attribute) as the sandbox resolves them.
/// The only attributes are the Python methods of str, list, tuple and dict; dunder names are unsafe and undefined.
/// </summary>
internal sealed partial class Evaluator
{
    public object? GetAttribute(object? target, string name)
    {
        if (target is Undefined undefined)
        {
            throw undefined.Fail();
        }

        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            return Unsafe(target, name);
        }

        var method = Methods.Find(this, target, name);
        if (method is not null)
        {
            return method;
        }

        return target switch
        {
            PyDict dict => dict.TryGet(name, out var value) ? value : new Undefined(name, target, hasOwner: true),
            JinjaNamespace ns => ns.Attributes.TryGetValue(name, out var value) ? value : new Undefined(name, target, hasOwner: true),
            LoopContext loop => loop.GetAttribute(name),
            long or bool or double when name == "real" => target is bool b ? (b ? 1L : 0L) : target,
            long or bool when name == "imag" => 0L,
            double when name == "imag" => 0.0,
            _ => new Undefined(name, target, hasOwner: true),
        };
    }

    public object? GetItem(object? target, object? key)
    {
        switch (target)
        {
            case Undefined undefined:
                throw undefined.Fail();
            case PyDict dict when key is not (List<object?> or PyDict):
                if (dict.TryGet(key, out var value))
                {
                    return value;
                }

                break;
            case List<object?> or PyTuple when key is long or bool:
                var items = (IReadOnlyList<object?>)target;
                var index = PyOps.ToLong(key);
                if (index < 0)
                {
                    index += items.Count;
                }

                if (index >= 0 && index < items.Count)
                {
                    return items[(int)index];
                }

                break;
            case string s when key is long or bool:
                var characters = PyString.CodePoints(s);
                var count = characters?.Count ?? s.Length;
                var position = PyOps.ToLong(key);
                if (position < 0)
                {
                    position += count;
                }

                if (position >= 0 && position < count)
                {
                    return characters is null ? s[(int)position].ToString() : characters[(int)position];
                }

                break;
            case LoopContext or JinjaNamespace when key is string:
                break;
        }

        if (key is string name)
        {
            if (name.StartsWith("__", StringComparison.Ordinal))
            {
                return Unsafe(target, name);
            }

            var method = Methods.Find(this, target, name);
            if (method is not null)
            {
                return method;
            }

            if (target is LoopContext loop)
            {
                return loop.GetAttribute(name);
            }

            if (target is JinjaNamespace ns && ns.Attributes.TryGetValue(name, out var attribute))
            {
                return attribute;
            }
        }

        return new Undefined(PyRepr.Str(key), target, hasOwner: true);
    }

    public static object? Slice(object? target, object? start, object? stop, object? step)
    {
        if (target is Undefined undefined)
        {
            throw undefined.Fail();
        }

        var stepValue = SliceBound(step) ?? 1;
        if (stepValue == 0)
        {
            throw JinjaError.Type("slice step cannot be zero");
        }

        switch (target)
        {
            case List<object?> list:
                return SliceIndexes(list.Count, SliceBound(start), SliceBound(stop), stepValue).Select(i => list[i]).ToList();
            case PyTuple tuple:
                return new PyTuple([.. SliceIndexes(tuple.Count, SliceBound(start), SliceBound(stop), stepValue).Select(i => tuple[i])]);
            case string s:
                var points = PyString.CodePoints(s);
                var indexes = SliceIndexes(points?.Count ?? s.Length, SliceBound(start), SliceBound(stop), stepValue);
                if (points is null && stepValue == 1)
                {
                    return indexes.Count == 0 ? string.Empty : s.Substring(indexes[0], indexes.Count);
                }

                return string.Concat(indexes.Select(i => points is null ? s[i].ToString() : points[i]));
            default:
                return new Undefined("slice", target, hasOwner: true, hint: $"'{PyRepr.TypeName(target)}' object is not subscriptable");
        }
    }

    private static long? SliceBound(object? value) => value switch
    {
        null => null,
        long or bool => PyOps.ToLong(value),
        _ => throw JinjaError.Type("slice indices must be integers or None or have an __index__ method"),
    };

    /// <summary>Python's slice index adjustment (<c>PySlice_AdjustIndices</c>).</summary>
    private static List<int> SliceIndexes(int length, long? start, long? stop, long step)
    {
        long Clamp(long? value, long fallback, long low, long high)
        {
            if (value is not { } v)
            {
                return fallback;
            }

            if (v < 0)
            {
                v += length;
            }

            return Math.Clamp(v, low, high);
        }

        var result = new List<int>();
        if (step > 0)
        {
            var from = Clamp(start, 0, 0, length);
            var to = Clamp(stop, length, 0, length);
            for (var i = from; i < to; i += step)
            {
                result.Add((int)i);
            }
        }
        else
        {
            var from = Clamp(start, length - 1, -1, length - 1);
            var to = Clamp(stop, -1, -1, length - 1);
            for (var i = from; i > to; i += step)
            {
                result.Add((int)i);
            }
        }

        return result;
    }

    private static Undefined Unsafe(object? target, string name) =>
        new(name, target, hasOwner: true, hint: $"access to attribute '{name}' of '{PyRepr.TypeName(target)}' object is unsafe.", errorKind: TemplateErrorKind.Security);
}
