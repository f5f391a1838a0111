namespace K2Verifier.Normalization;

/// <summary>
/// Splits server-sent-event text into the data of each event (HTML spec rules: <c>data:</c> lines joined by
/// newlines, comments and other fields ignored, a blank line ends an event). A final event without its blank line
/// still counts, since a truncated stream is data to record.
/// </summary>
public static class SseParser
{
    /// <summary>The data payload of each event, in order (the <c>[DONE]</c> sentinel included).</summary>
    public static IReadOnlyList<string> Events(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var events = new List<string>();
        SseEventSplitter.SplitText(text, data => events.Add(SseData.Text(data.Span)));
        return events;
    }
}
