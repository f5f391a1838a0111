namespace K2Verifier.Wire;

/// <summary>Short excerpts for evidence.</summary>
internal static class WireText
{
    /// <summary>The longest excerpt kept, in characters.</summary>
    public const int MaxExcerpt = 80;

    /// <summary><paramref name="text"/> cut to <see cref="MaxExcerpt"/> characters (with an ellipsis), newlines shown as <c>\n</c>.</summary>
    public static string Excerpt(string text)
    {
        var flat = text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return flat.Length <= MaxExcerpt ? flat : string.Concat(flat.AsSpan(0, MaxExcerpt - 1), "…");
    }

    /// <summary>About <paramref name="radius"/> characters either side of <paramref name="index"/> (length <paramref name="length"/>).</summary>
    public static string Around(string text, int index, int length, int radius = 20)
    {
        var start = Math.Max(0, index - radius);
        var end = Math.Min(text.Length, index + length + radius);
        return (start > 0 ? "…" : string.Empty) + text[start..end] + (end < text.Length ? "…" : string.Empty);
    }
}
