namespace K2Verifier.Charts.Rendering;

/// <summary>Rough text measures for layout (no font metrics available): about 0.58 em per character.</summary>
internal static class TextFit
{
    public static double Width(string text, double size = 12) => text.Length * size * 0.58;

    /// <summary><paramref name="text"/> cut to <paramref name="maxChars"/> characters with an ellipsis.</summary>
    public static string Shorten(string text, int maxChars) =>
        text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, Math.Max(1, maxChars - 1)), "…");
}
