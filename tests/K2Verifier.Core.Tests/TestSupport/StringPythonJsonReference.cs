using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using K2Verifier.Json;

namespace K2Verifier.Core.Tests.TestSupport;

/// <summary>
/// The string-based serialiser the request hash used before the UTF-8 writer (kept here as the reference the writer
/// is checked against): Python's <c>json.dumps(obj, sort_keys=True, ensure_ascii=False)</c> after <c>json.loads</c>
/// through a Dictionary and a StringBuilder.
/// </summary>
internal static class StringPythonJsonReference
{
    /// <summary>Python's <c>json.dumps(value, sort_keys=True, ensure_ascii=False)</c>.</summary>
    public static string Dumps(JsonElement value)
    {
        var builder = new StringBuilder(1024);
        Write(builder, value);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(builder, value);
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    first = false;
                    Write(builder, item);
                }

                builder.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(builder, value.GetString()!);
                break;
            case JsonValueKind.Number:
                WriteNumber(builder, value.GetRawText());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteObject(StringBuilder builder, JsonElement value)
    {
        // json.loads keeps the last of duplicate keys; sort_keys orders by code point.
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            properties[property.Name] = property.Value;
        }

        var keys = properties.Keys.ToList();
        keys.Sort(CodePointComparer.Instance);
        builder.Append('{');
        for (var i = 0; i < keys.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            WriteString(builder, keys[i]);
            builder.Append(": ");
            Write(builder, properties[keys[i]]);
        }

        builder.Append('}');
    }

    private static void WriteNumber(StringBuilder builder, string raw)
    {
        if (raw.AsSpan().IndexOfAny(".eE") < 0)
        {
            // A Python int: arbitrary precision, printed as parsed ("-0" becomes "0").
            builder.Append(raw is "-0" ? "0" : raw);
            return;
        }

        builder.Append(PythonFloat.Repr(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture)));
    }

    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    private static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('"');
        if (value.AsSpan().IndexOfAny(NeedsEscape) < 0)
        {
            builder.Append(value).Append('"');
            return;
        }

        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
