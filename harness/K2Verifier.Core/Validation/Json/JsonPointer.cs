using System.Globalization;
using System.Text;
using System.Text.Json;

namespace K2Verifier.Validation.Json;

/// <summary>JSON Pointer (RFC 6901) escaping, formatting and evaluation.</summary>
internal static class JsonPointer
{
    public static string Escape(string segment) =>
        segment.Contains('~', StringComparison.Ordinal) || segment.Contains('/', StringComparison.Ordinal)
            ? segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            : segment;

    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    public static string Format(IReadOnlyList<string> segments)
    {
        if (segments.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            builder.Append('/').Append(Escape(segment));
        }

        return builder.ToString();
    }

    /// <summary>Walks <paramref name="pointer"/> (already percent-decoded) from <paramref name="root"/>; yields each segment.</summary>
    public static bool TryResolve(JsonElement root, string pointer, out JsonElement target, List<string>? segments = null)
    {
        target = root;
        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        foreach (var raw in pointer[1..].Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (target.ValueKind == JsonValueKind.Object)
            {
                if (!target.TryGetProperty(segment, out target))
                {
                    return false;
                }
            }
            else if (target.ValueKind == JsonValueKind.Array)
            {
                if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= target.GetArrayLength())
                {
                    return false;
                }

                target = target[index];
            }
            else
            {
                return false;
            }

            segments?.Add(segment);
        }

        return true;
    }
}
