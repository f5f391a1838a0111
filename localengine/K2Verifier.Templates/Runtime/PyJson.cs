using System.Globalization;
using System.Text;
using K2Verifier.Json;

namespace K2Verifier.Templates.Runtime;

/// <summary>
/// Python's <c>json.dumps(value, ensure_ascii, indent, separators, sort_keys)</c> over template values: what the
/// <c>tojson</c> filter of Hugging Face's chat-template environment returns.
/// </summary>
internal sealed class PyJson
{
    private readonly bool _ensureAscii;
    private readonly string? _indent;
    private readonly string _itemSeparator;
    private readonly string _keySeparator;
    private readonly bool _sortKeys;
    private readonly StringBuilder _builder = new();

    private PyJson(bool ensureAscii, string? indent, string itemSeparator, string keySeparator, bool sortKeys)
    {
        _ensureAscii = ensureAscii;
        _indent = indent;
        _itemSeparator = itemSeparator;
        _keySeparator = keySeparator;
        _sortKeys = sortKeys;
    }

    public static string Dumps(object? value, bool ensureAscii = false, object? indent = null, object? separators = null, bool sortKeys = false)
    {
        var indentText = indent switch
        {
            null => null,
            string s => s,
            long or bool => new string(' ', (int)Math.Max(0, PyOps.ToLong(indent))),
            _ => throw JinjaError.Type($"indent must be an int or a str, not {PyRepr.TypeName(indent)}"),
        };
        string itemSeparator = indentText is null ? ", " : ",", keySeparator = ": ";
        if (separators is List<object?> or PyTuple)
        {
            var pair = ((IReadOnlyList<object?>)separators).ToList();
            if (pair.Count != 2 || pair[0] is not string item || pair[1] is not string key)
            {
                throw JinjaError.Type("separators must be a (item_separator, key_separator) pair of strings");
            }

            (itemSeparator, keySeparator) = (item, key);
        }
        else if (separators is not null)
        {
            throw JinjaError.Type("separators must be a (item_separator, key_separator) pair of strings");
        }

        var writer = new PyJson(ensureAscii, indentText, itemSeparator, keySeparator, sortKeys);
        writer.Write(value, 0);
        return writer._builder.ToString();
    }

    private void Write(object? value, int depth)
    {
        switch (value)
        {
            case null:
                _builder.Append("null");
                break;
            case bool b:
                _builder.Append(b ? "true" : "false");
                break;
            case long l:
                _builder.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                _builder.Append(PythonFloat.Repr(d));
                break;
            case string s:
                WriteString(s);
                break;
            case List<object?> or PyTuple:
                WriteArray((IReadOnlyList<object?>)value, depth);
                break;
            case PyDict dict:
                WriteObject(dict, depth);
                break;
            default:
                throw JinjaError.Type($"Object of type {PyRepr.TypeName(value)} is not JSON serializable");
        }
    }

    private void WriteArray(IReadOnlyList<object?> items, int depth)
    {
        if (items.Count == 0)
        {
            _builder.Append("[]");
            return;
        }

        _builder.Append('[');
        for (var i = 0; i < items.Count; i++)
        {
            _builder.Append(i == 0 ? string.Empty : _itemSeparator);
            NewLine(depth + 1);
            Write(items[i], depth + 1);
        }

        NewLine(depth);
        _builder.Append(']');
    }

    private void WriteObject(PyDict dict, int depth)
    {
        if (dict.Count == 0)
        {
            _builder.Append("{}");
            return;
        }

        var pairs = dict.Items.Select(p => (Key: KeyText(p.Key), p.Value)).ToList();
        if (_sortKeys)
        {
            pairs.Sort((a, b) => CodePointComparer.Instance.Compare(a.Key, b.Key));
        }

        _builder.Append('{');
        for (var i = 0; i < pairs.Count; i++)
        {
            _builder.Append(i == 0 ? string.Empty : _itemSeparator);
            NewLine(depth + 1);
            WriteString(pairs[i].Key);
            _builder.Append(_keySeparator);
            Write(pairs[i].Value, depth + 1);
        }

        NewLine(depth);
        _builder.Append('}');
    }

    private static string KeyText(object? key) => key switch
    {
        string s => s,
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => PythonFloat.Repr(d),
        _ => throw JinjaError.Type($"keys must be str, int, float, bool or None, not {PyRepr.TypeName(key)}"),
    };

    private void NewLine(int depth)
    {
        if (_indent is null)
        {
            return;
        }

        _builder.Append('\n');
        for (var i = 0; i < depth; i++)
        {
            _builder.Append(_indent);
        }
    }

    private void WriteString(string s)
    {
        _builder.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    _builder.Append("\\\"");
                    break;
                case '\\':
                    _builder.Append("\\\\");
                    break;
                case '\n':
                    _builder.Append("\\n");
                    break;
                case '\r':
                    _builder.Append("\\r");
                    break;
                case '\t':
                    _builder.Append("\\t");
                    break;
                case '\b':
                    _builder.Append("\\b");
                    break;
                case '\f':
                    _builder.Append("\\f");
                    break;
                default:
                    if (c < 0x20 || (_ensureAscii && c > 0x7e))
                    {
                        _builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _builder.Append(c);
                    }

                    break;
            }
        }

        _builder.Append('"');
    }
}
