using System.Runtime.InteropServices;
using System.Text.Json;

namespace K2Verifier.Validation.Json;

/// <summary>Questions about the members of JSON objects.</summary>
internal static class JsonMembers
{
    /// <summary>True when some object in <paramref name="element"/> (at any depth) names a member twice.</summary>
    public static bool HasDuplicateNames(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var index = 0;
                foreach (var property in element.EnumerateObject())
                {
                    if (NamedBefore(element, property, index++) || HasDuplicateNames(property.Value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (HasDuplicateNames(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>True when one of the first <paramref name="count"/> members of <paramref name="parent"/> has <paramref name="property"/>'s name.</summary>
    private static bool NamedBefore(JsonElement parent, JsonProperty property, int count)
    {
        if (count == 0)
        {
            return false;
        }

        ReadOnlySpan<byte> name = JsonMarshal.GetRawUtf8PropertyName(property);
        var escaped = name.IndexOf((byte)'\\') >= 0;
        foreach (var earlier in parent.EnumerateObject())
        {
            if (count-- == 0)
            {
                break;
            }

            var same = escaped || JsonMarshal.GetRawUtf8PropertyName(earlier).IndexOf((byte)'\\') >= 0
                ? earlier.NameEquals(property.Name)
                : JsonMarshal.GetRawUtf8PropertyName(earlier).SequenceEqual(name);
            if (same)
            {
                return true;
            }
        }

        return false;
    }
}
