using System.Text;
using System.Text.Json;

namespace K2Verifier.Json;

/// <summary>
/// Parses tool-call arguments as Python's <c>json.loads</c> (which K2VV uses) accepts them: <c>NaN</c>, <c>Infinity</c>
/// and <c>-Infinity</c> outside strings, and nesting up to about 1,000 levels. Infinities become <c>1e400</c> /
/// <c>-1e400</c> (which the validator reads as Python's <c>inf</c>) and NaN a sentinel literal the validator reads as
/// <c>nan</c>, so a strict JSON document can carry them.
/// </summary>
public static class PythonJsonLoads
{
    /// <summary>
    /// The deepest nesting accepted: CPython 3's <c>json.loads</c> raises RecursionError at about 996 levels from the top
    /// of a script (recursion limit 1000), a little less from inside K2VV's call stack.
    /// </summary>
    public const int MaxDepth = 990;

    /// <summary>The literal standing for NaN in rewritten text (a valid JSON number no server writes).</summary>
    public const string NaNLiteral = "-0.0E-7777777777777777777";

    /// <summary>Parses <paramref name="text"/>; returns null with <paramref name="error"/> set when Python would raise.</summary>
    /// <param name="text">The arguments text.</param>
    /// <param name="nonStandard">True when the text used NaN, Infinity or -Infinity.</param>
    /// <param name="depth">The deepest nesting of arrays and objects.</param>
    /// <param name="error">Why Python would reject the text.</param>
    public static JsonDocument? Parse(string text, out bool nonStandard, out int depth, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rewritten = Rewrite(text, out nonStandard, out depth);
        if (depth > MaxDepth)
        {
            error = $"nested {depth} levels deep, deeper than Python's json.loads accepts (about {MaxDepth})";
            return null;
        }

        try
        {
            error = null;
            return JsonDocument.Parse(rewritten, new JsonDocumentOptions { MaxDepth = MaxDepth + 1 });
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private static string Rewrite(string text, out bool nonStandard, out int maxDepth)
    {
        nonStandard = false;
        maxDepth = 0;
        StringBuilder? output = null;
        var depth = 0;
        var inString = false;
        var copied = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '[' or '{':
                    maxDepth = Math.Max(maxDepth, ++depth);
                    break;
                case ']' or '}':
                    depth--;
                    break;
                case 'N' or 'I' or '-' when Token(text, i) is { } token:
                    nonStandard = true;
                    output ??= new StringBuilder(text.Length + 32);
                    output.Append(text, copied, i - copied).Append(token.Replacement);
                    i += token.Length - 1;
                    copied = i + 1;
                    break;
            }
        }

        return output is null ? text : output.Append(text, copied, text.Length - copied).ToString();
    }

    private static (string Replacement, int Length)? Token(string text, int at)
    {
        var rest = text.AsSpan(at);
        if (rest.StartsWith("NaN", StringComparison.Ordinal))
        {
            return (NaNLiteral, 3);
        }

        if (rest.StartsWith("Infinity", StringComparison.Ordinal))
        {
            return ("1e400", 8);
        }

        return rest.StartsWith("-Infinity", StringComparison.Ordinal) ? ("-1e400", 9) : null;
    }
}
