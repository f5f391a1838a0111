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
                return a.ValueEquals(b.GetString());
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
            if (!b.TryGetProperty(property.Name, out var other) || !Equal(property.Value, other))
            {
                return false;
            }
        }

        return count == b.GetPropertyCount();
    }
}
