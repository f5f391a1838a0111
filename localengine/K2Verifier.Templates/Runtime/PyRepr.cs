using System.Globalization;
using System.Text;
using K2Verifier.Json;

namespace K2Verifier.Templates.Runtime;

/// <summary>Python's <c>str()</c> and <c>repr()</c> of template values, and their type names for messages.</summary>
internal static class PyRepr
{
    public static string TypeName(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        long => "int",
        double => "float",
        string => "str",
        List<object?> => "list",
        PyTuple => "tuple",
        PyDict => "dict",
        Undefined => "Undefined",
        JinjaNamespace => "Namespace",
        LoopContext => "LoopContext",
        PyFunction or Macro => "function",
        _ => value.GetType().Name,
    };

    /// <summary>What <c>{{ value }}</c> prints: <c>str(value)</c>, with undefined printing as nothing.</summary>
    public static string Str(object? value) => value switch
    {
        string s => s,
        Undefined => string.Empty,
        _ => Repr(value),
    };

    public static string Repr(object? value)
    {
        var builder = new StringBuilder();
        AppendRepr(builder, value);
        return builder.ToString();
    }

    public static string Float(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        return double.IsInfinity(value) ? (value > 0 ? "inf" : "-inf") : PythonFloat.Repr(value);
    }

    private static void AppendRepr(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("None");
                break;
            case bool b:
                builder.Append(b ? "True" : "False");
                break;
            case long l:
                builder.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                builder.Append(Float(d));
                break;
            case string s:
                K2Verifier.Validation.Json.PyRepr.AppendString(builder, s); // whole: Python's repr never cuts
                break;
            case List<object?> list:
                AppendItems(builder, '[', list, "]");
                break;
            case PyTuple tuple:
                AppendItems(builder, '(', tuple, tuple.Count == 1 ? ",)" : ")");
                break;
            case PyDict dict:
                AppendDict(builder, dict);
                break;
            case Undefined:
                builder.Append("Undefined");
                break;
            case JinjaNamespace ns:
                builder.Append("<Namespace ");
                var nsDict = new PyDict();
                foreach (var pair in ns.Attributes)
                {
                    nsDict.Set(pair.Key, pair.Value);
                }

                AppendDict(builder, nsDict);
                builder.Append('>');
                break;
            default:
                builder.Append(CultureInfo.InvariantCulture, $"<{TypeName(value)} object>");
                break;
        }
    }

    private static void AppendItems(StringBuilder builder, char open, IEnumerable<object?> items, string close)
    {
        builder.Append(open);
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            AppendRepr(builder, item);
        }

        builder.Append(close);
    }

    private static void AppendDict(StringBuilder builder, PyDict dict)
    {
        builder.Append('{');
        var first = true;
        foreach (var pair in dict.Items)
        {
            if (!first)
            {
                builder.Append(", ");
            }

            first = false;
            AppendRepr(builder, pair.Key);
            builder.Append(": ");
            AppendRepr(builder, pair.Value);
        }

        builder.Append('}');
    }
}
