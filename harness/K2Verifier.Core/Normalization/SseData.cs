using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using K2Verifier.Json;

namespace K2Verifier.Normalization;

/// <summary>An SSE event's data as the splitter hands it on (UTF-8): the sentinel test, the parse and the text.</summary>
internal static class SseData
{
    private const int LongestDone = 64;

    /// <summary>Whether <paramref name="data"/> is the <c>[DONE]</c> sentinel (white space around it aside, as <c>string.Trim</c> has it).</summary>
    public static bool IsDone(ReadOnlySpan<byte> data)
    {
        if (data.Length > LongestDone)
        {
            return false;
        }

        Span<char> text = stackalloc char[LongestDone];
        var length = Encoding.UTF8.GetChars(data, text);
        return text[..length].Trim().SequenceEqual("[DONE]");
    }

    /// <summary>
    /// <paramref name="data"/> parsed as JSON (over those bytes: dispose it before they change), or null when it is not
    /// JSON. Bytes that are not valid UTF-8 are read as the stream's text has them (each bad sequence a U+FFFD).
    /// </summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> data)
    {
        try
        {
            // The parser does not check the UTF-8 inside strings (reading them later would throw): checked here first.
            return Utf8.IsValid(data.Span)
                ? JsonDocument.Parse(data, JsonText.DeepDocument)
                : JsonDocument.Parse(Text(data.Span), JsonText.DeepDocument);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The data as text (each bad UTF-8 sequence a U+FFFD), for notes and excerpts.</summary>
    public static string Text(ReadOnlySpan<byte> data) => Encoding.UTF8.GetString(data);
}
