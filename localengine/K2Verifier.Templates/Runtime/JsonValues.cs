using System.Globalization;
using System.Text.Json;

namespace K2Verifier.Templates.Runtime;

/// <summary>Turns JSON into template values as Python's <c>json.loads</c> does (objects keep order, integers stay ints).</summary>
internal static class JsonValues
{
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => FromObject(element),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => FromNumber(element.GetRawText()),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static PyDict FromObject(JsonElement element)
    {
        var dict = new PyDict();
        foreach (var property in element.EnumerateObject())
        {
            dict.Set(property.Name, FromJson(property.Value));
        }

        return dict;
    }

    private static object FromNumber(string raw)
    {
        if (raw.AsSpan().IndexOfAny(".eE") < 0 && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
