using System.Runtime.InteropServices;
using System.Text.Json;

namespace K2Verifier.Validation.Json;

/// <summary>
/// python-jsonschema's <c>_utils.equal</c>: deep equality where 1 == 1.0, booleans are never numbers, and objects
/// compare without regard to member order.
/// </summary>
internal static class JsonEquality
{
    public static bool Equal(JsonElement a, JsonElement b)
    {
        var kind = a.ValueKind;
        if (kind != b.ValueKind)
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.String:
                return StringsEqual(a, b);
            case JsonValueKind.Number:
                return PyNumber.NumericEquals(PyNumber.Read(a), PyNumber.Read(b));
            case JsonValueKind.Array:
                return ArraysEqual(a, b);
            case JsonValueKind.Object:
                return ObjectsEqual(a, b);
            default:
                return true;
        }
    }

    /// <summary>Equal texts: their UTF-8 bytes as written when neither has an escape (no string made), else decoded.</summary>
    private static bool StringsEqual(JsonElement a, JsonElement b)
    {
        ReadOnlySpan<byte> left = JsonMarshal.GetRawUtf8Value(a);
        ReadOnlySpan<byte> right = JsonMarshal.GetRawUtf8Value(b);
        return left.IndexOf((byte)'\\') < 0 && right.IndexOf((byte)'\\') < 0
            ? left.SequenceEqual(right)
            : a.ValueEquals(b.GetString());
    }

    private static bool ArraysEqual(JsonElement a, JsonElement b)
    {
        if (a.GetArrayLength() != b.GetArrayLength())
        {
            return false;
        }

        using var left = a.EnumerateArray();
        using var right = b.EnumerateArray();
        while (left.MoveNext() && right.MoveNext())
        {
            if (!Equal(left.Current, right.Current))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ObjectsEqual(JsonElement a, JsonElement b)
    {
        var count = 0;
        foreach (var property in a.EnumerateObject())
        {
            count++;
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            var found = name.IndexOf((byte)'\\') < 0 ? b.TryGetProperty(name, out var other) : b.TryGetProperty(property.Name, out other);
            if (!found || !Equal(property.Value, other))
            {
                return false;
            }
        }

        return count == b.GetPropertyCount();
    }
}
