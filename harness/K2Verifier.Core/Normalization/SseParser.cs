namespace K2Verifier.Normalization;

/// <summary>
/// Splits server-sent-event text into the data of each event (HTML spec rules: <c>data:</c> lines joined by
/// newlines, comments and other fields ignored, a blank line ends an event). A final event without its blank line
/// still counts, since a truncated stream is data to record.
/// </summary>
public static class SseParser
{
    /// <summary>The data payload of each event, in order (the <c>[DONE]</c> sentinel included).</summary>
    public static IEnumerable<string> Events(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var data = new List<string>();
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    yield return string.Join('\n', data);
                    data.Clear();
                }

                continue;
            }

            if (line[0] == ':')
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            if (field != "data")
            {
                continue;
            }

            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            data.Add(value.StartsWith(' ') ? value[1..] : value);
        }

        if (data.Count > 0)
        {
            yield return string.Join('\n', data);
        }
    }
}
