using System.Text.Json;
using K2Verifier.Json;
using K2Verifier.Wire;

namespace K2Verifier.Normalization;

/// <summary>
/// Takes a stream's events one at a time, parses each once and feeds both the K2VV accumulation and the frame facts
/// (and, for the wire reader, its own inspection) from that one parse.
/// </summary>
internal sealed class StreamDigester(string? requestModel)
{
    private readonly StreamAccumulator _accumulator = new(requestModel);
    private readonly StreamFactsReader _facts = new();
    private int _events;

    /// <summary>
    /// Adds one event's data (UTF-8, used only during the call); <paramref name="inspect"/> sees the parsed event (while
    /// its document is alive). False for <c>[DONE]</c> and for data that is not JSON.
    /// </summary>
    public bool Add(ReadOnlyMemory<byte> data, Action<JsonElement>? inspect = null)
    {
        _events++;
        if (SseData.IsDone(data.Span))
        {
            _accumulator.MarkDone();
            _facts.AddDone();
            return false;
        }

        using var document = SseData.Parse(data);
        if (document is null)
        {
            var text = SseData.Text(data.Span);
            _accumulator.AddNotJson(text, _events);
            _facts.AddNotJson(text);
            return false;
        }

        var root = document.RootElement;
        _accumulator.Add(root, _events);
        _facts.Add(data.Span, root);
        inspect?.Invoke(root);
        return true;
    }

    /// <summary>The digest of the events added, standing for <paramref name="body"/> (the text they came from).</summary>
    public StreamDigest Finish(string body)
    {
        var (responseJson, warnings) = _accumulator.Finish();
        return new StreamDigest(body, responseJson, warnings, _facts.Facts);
    }
}
