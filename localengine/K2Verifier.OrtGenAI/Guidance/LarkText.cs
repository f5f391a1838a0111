using System.Text;

namespace K2Verifier.OrtGenAI.Guidance;

/// <summary>Writing text into a Lark grammar (llguidance dialect): string literals and regex literals.</summary>
internal static class LarkText
{
    /// <summary>Characters that mean something in a Rust <c>regex</c> pattern (escaping them is always allowed), plus the <c>/</c> delimiter.</summary>
    private const string RegexMetaCharacters = "\\.+*?()|[]{}^$#&-~/";

    /// <summary>A Lark string literal matching <paramref name="text"/> exactly.</summary>
    public static string Literal(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// <paramref name="text"/> as a regex matching it literally. Only meta characters are escaped: in Rust's regex
    /// syntax <c>\&lt;</c> and <c>\&gt;</c> are word boundaries, not the characters.
    /// </summary>
    public static string RegexEscape(string text)
    {
        var escaped = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (RegexMetaCharacters.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c switch { '\n' => "\\n", '\t' => "\\t", '\r' => "\\r", _ => c.ToString() });
        }

        return escaped.ToString();
    }
}
