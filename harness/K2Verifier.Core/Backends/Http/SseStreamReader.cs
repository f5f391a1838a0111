using System.Buffers;
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
    private const int BufferSize = 4096;

    private readonly Func<long> _elapsedMs;
    private readonly SseEventSplitter _splitter;
    private readonly StreamDigester _digester;
    private readonly Action<JsonElement> _inspect;
    private string _current = string.Empty;
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
    /// Reads <paramref name="stream"/> until <c>[DONE]</c> or its end, appending the text to <paramref name="raw"/>. The
    /// text read with <c>[DONE]</c> is split to its end too, so the events read are exactly those of <paramref name="raw"/>.
    /// Every read that returns bytes kicks <paramref name="idle"/>, when there is one.
    /// </summary>
    public async Task ReadAsync(Stream stream, PooledBuffer<char> raw, CancellationToken cancellationToken, IdleWatchdog? idle = null)
    {
        // The bytes decoded here, in pooled buffers, rather than through a StreamReader: one read per chunk on the wire
        // without the reader's own buffers and asynchronous layer (a streamed request reads a dozen chunks or more).
        // The buffers are held only while data is there: a zero-byte read waits for it first (HttpClient's response
        // streams wait there; a stream that returns at once waits in the read after). A thousand streams each holding
        // pooled arrays for their whole second was more than the pool keeps, so every rent was an allocation.
        var decoder = Encoding.UTF8.GetDecoder();
        var preamble = 0; // bytes of a leading UTF-8 byte order mark matched so far; -1 once the text has started
        while (true)
        {
            await stream.ReadAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
            var bytes = ArrayPool<byte>.Shared.Rent(BufferSize);
            var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(BufferSize));
            try
            {
                int read = await stream.ReadAsync(bytes.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false);
                if (read > 0)
                {
                    idle?.Kick();
                }

                int start = 0;
                if (preamble >= 0)
                {
                    (preamble, start) = SkipPreamble(bytes.AsSpan(0, read), preamble, decoder, chars, raw, out bool stopped);
                    if (stopped)
                    {
                        return;
                    }
                }

                int decoded = decoder.GetChars(bytes, start, read - start, chars, 0, flush: read == 0);
                if (decoded > 0)
                {
                    raw.Write(chars.AsSpan(0, decoded));
                    if (Append(chars.AsSpan(0, decoded)))
                    {
                        Complete();
                        return;
                    }
                }

                if (read == 0)
                {
                    Complete();
                    return;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
                ArrayPool<char>.Shared.Return(chars);
            }
        }
    }

    /// <summary>
    /// Skips a UTF-8 byte order mark opening the stream, as a StreamReader does (possibly split across reads): returns how
    /// much of it is matched (-1 once the text has started) and where the text starts in <paramref name="read"/>. Bytes
    /// that began like one but were not are decoded first; <paramref name="stopped"/> is true when they ended the stream.
    /// </summary>
    private (int Preamble, int Start) SkipPreamble(ReadOnlySpan<byte> read, int matched, Decoder decoder, char[] chars, PooledBuffer<char> raw, out bool stopped)
    {
        stopped = false;
        int i = Utf8Bom.Match(read, ref matched);
        if (matched == Utf8Bom.Length)
        {
            return (-1, i);
        }

        if (i < read.Length || read.IsEmpty)
        {
            // Not a byte order mark after all: the bytes taken for one are text.
            int decoded = decoder.GetChars(Utf8Bom.Start(matched), chars, flush: false);
            raw.Write(chars.AsSpan(0, decoded));
            stopped = decoded > 0 && Append(chars.AsSpan(0, decoded));
            if (stopped)
            {
                Complete();
            }

            return (-1, i);
        }

        return (matched, i);
    }

    /// <summary>Feeds a chunk of text; true once <c>[DONE]</c> has been seen (the rest need not be read).</summary>
    public bool Append(ReadOnlySpan<char> chunk)
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
    private void Dispatch(string data)
    {
        Events++;
        if (data.AsSpan().Trim().SequenceEqual("[DONE]"))
        {
            SawDone = true;
            _digester.Add(data);
            return;
        }

        _current = data;
        if (!_digester.Add(data, _inspect))
        {
            NoteNonJson(data);
        }
    }

    private void Inspect(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            NoteNonJson(_current);
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

    private void NoteNonJson(string data)
    {
        _nonJsonEvents++;
        _firstNonJson ??= Snippet(data);
    }
}
