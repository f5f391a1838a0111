using System.Globalization;
using System.Text;
using System.Text.Json;
using K2Verifier.Json;
using K2Verifier.Normalization;

namespace K2Verifier.Backends.Http;

/// <summary>
/// Reads a chat-completions (or completions) SSE stream as the wire has it, keeping the text verbatim, and notes
/// what the verifier needs: whether <c>[DONE]</c> came, the first finish_reason, the time to the first event that
/// carries a token (<c>content</c>, <c>reasoning_content</c>, <c>tool_calls</c>, or a completions <c>text</c>), and
/// irregularities that are tolerated (comment/keep-alive lines, <c>event:</c> lines, non-JSON data events).
/// Lines end at LF, CR or CRLF; an event ends at a blank line or at the end of the stream (<see cref="SseEventSplitter"/>).
/// Each event is parsed once, for these notes and for the <see cref="StreamDigest"/> (the accumulated response and the
/// frame facts) the backend hands to normalisation, so the stream is not split and parsed again there.
/// </summary>
internal sealed class SseStreamReader
{
    private const int SnippetLength = 120;
    private const int ReadSize = 1024;

    private readonly Func<long> _elapsedMs;
    private readonly SseEventSplitter _splitter;
    private readonly StreamDigester _digester;
    private readonly Action<JsonElement> _inspect;
    private ReadOnlyMemory<byte> _current; // the event being dispatched
    private int _nonJsonEvents;
    private string? _firstNonJson;
    private string? _firstErrorEvent;

    /// <param name="elapsedMs">Milliseconds since the attempt started (read when the first token arrives).</param>
    /// <param name="requestModel">The request's model, which the accumulated response names until a chunk does.</param>
    public SseStreamReader(Func<long> elapsedMs, string? requestModel = null)
    {
        _elapsedMs = elapsedMs;
        _splitter = new SseEventSplitter(Dispatch);
        _digester = new StreamDigester(requestModel);
        _inspect = Inspect;
    }

    public bool SawDone { get; private set; }

    /// <summary>The first non-null finish_reason seen in any choice.</summary>
    public string? FinishReason { get; private set; }

    public long? TimeToFirstTokenMs { get; private set; }

    /// <summary>Data events dispatched (including <c>[DONE]</c>).</summary>
    public int Events { get; private set; }

    /// <summary>
    /// Reads <paramref name="stream"/> until <c>[DONE]</c> or its end, appending the bytes to <paramref name="raw"/> (a
    /// leading UTF-8 byte order mark dropped, as a StreamReader drops it). The bytes read with <c>[DONE]</c> are split to
    /// their end too, so the events read are exactly those of <paramref name="raw"/>. Every read that returns bytes kicks
    /// <paramref name="idle"/>, when there is one.
    /// </summary>
    public async Task ReadAsync(Stream stream, PooledBuffer<byte> raw, CancellationToken cancellationToken, IdleWatchdog? idle = null)
    {
        // The bytes are read straight into the body the request keeps anyway, and split and parsed there as they are
        // (UTF-8: line ends and field names are ASCII): no read buffer of its own, no decoding to text per chunk, no string
        // per event, no transcoding back for the JSON parser. (A zero-byte read before each read, to hold a pooled buffer
        // only while data was there, cost one more round through the connection and the socket per chunk.)
        var fed = raw.Length; // bytes of raw handed to the splitter
        var started = fed > 0; // whether the text has started (a byte order mark is looked for before it)
        while (true)
        {
            var read = await stream.ReadAsync(raw.GetMemory(ReadSize), cancellationToken).ConfigureAwait(false);
            raw.Advance(read);
            if (read > 0)
            {
                idle?.Kick();
            }

            if (!started && !(started = TextStarted(raw, ended: read == 0)))
            {
                continue; // all there is so far may be the start of a byte order mark
            }

            if (raw.Length > fed && Append(raw.WrittenMemory[fed..]) || read == 0)
            {
                Complete();
                return;
            }

            fed = raw.Length;
        }
    }

    /// <summary>
    /// Whether the text of <paramref name="raw"/> (the stream so far) has started: false while every byte could still open
    /// a UTF-8 byte order mark, which is dropped once whole, as a StreamReader drops it.
    /// </summary>
    private static bool TextStarted(PooledBuffer<byte> raw, bool ended)
    {
        var matched = 0;
        var taken = Utf8Bom.Match(raw.WrittenSpan, ref matched);
        if (matched == Utf8Bom.Length)
        {
            raw.RemoveStart(Utf8Bom.Length);
            return true;
        }

        return taken < raw.Length || ended;
    }

    /// <summary>Feeds a chunk of the stream's bytes (not kept); true once <c>[DONE]</c> has been seen (the rest need not be read).</summary>
    public bool Append(ReadOnlyMemory<byte> chunk)
    {
        _splitter.Append(chunk);
        return SawDone;
    }

    /// <summary>The end of the stream: a last line without LF and a last event without a blank line still count.</summary>
    public void Complete() => _splitter.Complete();

    /// <summary>The accumulated response and frame facts of the events read, standing for <paramref name="body"/> (the raw text).</summary>
    public StreamDigest Digest(string body) => _digester.Finish(body);

    /// <summary>Tolerated irregularities, one line each (vendor text is cut to a short snippet).</summary>
    public IReadOnlyList<string> Warnings()
    {
        var warnings = new List<string>();
        if (_splitter.Comments > 0)
        {
            warnings.Add(Format($"stream had {_splitter.Comments} SSE comment line(s) (keep-alive), ignored"));
        }

        if (_splitter.EventLines > 0)
        {
            warnings.Add(Format($"stream had {_splitter.EventLines} 'event:' line(s) ({string.Join(", ", _splitter.EventNames)}), ignored"));
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

    /// <summary>One event: parsed once, for this reader's notes and for the digest together.</summary>
    private void Dispatch(ReadOnlyMemory<byte> data)
    {
        Events++;
        if (SseData.IsDone(data.Span))
        {
            SawDone = true;
            _digester.Add(data);
            return;
        }

        _current = data;
        if (!_digester.Add(data, _inspect))
        {
            NoteNonJson(data.Span);
        }

        _current = default;
    }

    private void Inspect(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            NoteNonJson(_current.Span);
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

    private void NoteNonJson(ReadOnlySpan<byte> data)
    {
        _nonJsonEvents++;
        _firstNonJson ??= Snippet(SseData.Text(data));
    }
}
