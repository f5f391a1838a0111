using System.Globalization;
using System.Text;
using System.Text.Json;

namespace K2Verifier.Backends.Http;

/// <summary>
/// Reads a chat-completions (or completions) SSE stream as the wire has it, keeping the text verbatim, and notes
/// what the verifier needs: whether <c>[DONE]</c> came, the first finish_reason, the time to the first event that
/// carries a token (<c>content</c>, <c>reasoning_content</c>, <c>tool_calls</c>, or a completions <c>text</c>), and
/// irregularities that are tolerated (comment/keep-alive lines, <c>event:</c> lines, non-JSON data events).
/// Lines end at LF (a CR before it is dropped); an event ends at a blank line or at the end of the stream.
/// </summary>
internal sealed class SseStreamReader
{
    private const int SnippetLength = 120;
    private const int BufferSize = 4096;

    private readonly Func<long> _elapsedMs;
    private readonly StringBuilder _line = new();
    private readonly StringBuilder _data = new();
    private readonly List<string> _eventNames = [];
    private bool _hasData;
    private int _comments;
    private int _eventLines;
    private int _nonJsonEvents;
    private string? _firstNonJson;
    private string? _firstErrorEvent;

    /// <param name="elapsedMs">Milliseconds since the attempt started (read when the first token arrives).</param>
    public SseStreamReader(Func<long> elapsedMs) => _elapsedMs = elapsedMs;

    public bool SawDone { get; private set; }

    /// <summary>The first non-null finish_reason seen in any choice.</summary>
    public string? FinishReason { get; private set; }

    public long? TimeToFirstTokenMs { get; private set; }

    /// <summary>Data events dispatched (including <c>[DONE]</c>).</summary>
    public int Events { get; private set; }

    /// <summary>Reads <paramref name="stream"/> until <c>[DONE]</c> or its end, appending the text to <paramref name="raw"/>.</summary>
    public async Task ReadAsync(Stream stream, StringBuilder raw, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, BufferSize, leaveOpen: true);
        var buffer = new char[BufferSize];
        while (true)
        {
            int read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken);
            if (read == 0)
            {
                Complete();
                return;
            }

            raw.Append(buffer, 0, read);
            if (Append(buffer.AsSpan(0, read)))
            {
                return;
            }
        }
    }

    /// <summary>Feeds a chunk of text; true once <c>[DONE]</c> has been seen (the rest need not be read).</summary>
    public bool Append(ReadOnlySpan<char> chunk)
    {
        foreach (char c in chunk)
        {
            if (c != '\n')
            {
                _line.Append(c);
                continue;
            }

            int length = _line.Length > 0 && _line[^1] == '\r' ? _line.Length - 1 : _line.Length;
            string line = _line.ToString(0, length);
            _line.Clear();
            ProcessLine(line);
            if (SawDone)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The end of the stream: a last line without LF and a last event without a blank line still count.</summary>
    public void Complete()
    {
        if (_line.Length > 0)
        {
            string line = _line.ToString().TrimEnd('\r');
            _line.Clear();
            ProcessLine(line);
        }

        Dispatch();
    }

    /// <summary>Tolerated irregularities, one line each (vendor text is cut to a short snippet).</summary>
    public IReadOnlyList<string> Warnings()
    {
        var warnings = new List<string>();
        if (_comments > 0)
        {
            warnings.Add(Format($"stream had {_comments} SSE comment line(s) (keep-alive), ignored"));
        }

        if (_eventLines > 0)
        {
            warnings.Add(Format($"stream had {_eventLines} 'event:' line(s) ({string.Join(", ", _eventNames)}), ignored"));
        }

        if (_nonJsonEvents > 0)
        {
            warnings.Add(Format($"stream had {_nonJsonEvents} data event(s) that are not a JSON object, ignored; first: {_firstNonJson}"));
        }

        if (_firstErrorEvent is not null)
        {
            warnings.Add(Format($"stream carried an error object: {_firstErrorEvent}"));
        }

        return warnings;
    }

    internal static string Snippet(string text) =>
        text.Length <= SnippetLength ? text : string.Concat(text.AsSpan(0, SnippetLength), "…");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void ProcessLine(string line)
    {
        if (line.Length == 0)
        {
            Dispatch();
            return;
        }

        if (line[0] == ':')
        {
            _comments++;
            return;
        }

        int colon = line.IndexOf(':', StringComparison.Ordinal);
        string field = colon < 0 ? line : line[..colon];
        string value = colon < 0 ? string.Empty : line[(colon + 1)..];
        if (value.StartsWith(' '))
        {
            value = value[1..];
        }

        switch (field)
        {
            case "data":
                if (_hasData)
                {
                    _data.Append('\n');
                }

                _data.Append(value);
                _hasData = true;
                break;
            case "event":
                _eventLines++;
                if (_eventNames.Count < 3 && !_eventNames.Contains(value))
                {
                    _eventNames.Add(value);
                }

                break;
            default:
                break; // id:, retry: and unknown fields carry nothing the verifier needs.
        }
    }

    private void Dispatch()
    {
        if (!_hasData)
        {
            return;
        }

        string data = _data.ToString();
        _data.Clear();
        _hasData = false;
        Events++;
        if (data.Trim() == "[DONE]")
        {
            SawDone = true;
            return;
        }

        Inspect(data);
    }

    private void Inspect(string data)
    {
        try
        {
            using var document = JsonDocument.Parse(data, Json.JsonText.DeepDocument);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                NoteNonJson(data);
                return;
            }

            if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind != JsonValueKind.Null)
            {
                _firstErrorEvent ??= Snippet(error.GetRawText());
            }

            if (root.TryGetProperty("choices", out JsonElement choices) && choices.ValueKind == JsonValueKind.Array)
            {
                InspectChoices(choices);
            }
        }
        catch (JsonException)
        {
            NoteNonJson(data);
        }
    }

    private void InspectChoices(JsonElement choices)
    {
        bool first = true;
        foreach (JsonElement choice in choices.EnumerateArray())
        {
            if (choice.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (FinishReason is null && choice.TryGetProperty("finish_reason", out JsonElement finish) && finish.ValueKind == JsonValueKind.String)
            {
                FinishReason = finish.GetString();
            }

            if (first && TimeToFirstTokenMs is null && CarriesToken(choice))
            {
                TimeToFirstTokenMs = _elapsedMs();
            }

            first = false;
        }
    }

    private static bool CarriesToken(JsonElement choice)
    {
        if (IsNonEmptyString(choice, "text"))
        {
            return true; // a completions (raw prompt) stream
        }

        if (!choice.TryGetProperty("delta", out JsonElement delta) || delta.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        return IsNonEmptyString(delta, "content")
            || IsNonEmptyString(delta, "reasoning_content")
            || (delta.TryGetProperty("tool_calls", out JsonElement calls) && calls.ValueKind == JsonValueKind.Array && calls.GetArrayLength() > 0);
    }

    private static bool IsNonEmptyString(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 };

    private void NoteNonJson(string data)
    {
        _nonJsonEvents++;
        _firstNonJson ??= Snippet(data);
    }
}
