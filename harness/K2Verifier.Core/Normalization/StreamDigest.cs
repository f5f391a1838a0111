using K2Verifier.Wire;

namespace K2Verifier.Normalization;

/// <summary>
/// A stream read once: the chat.completion K2VV accumulates from its events, the accumulation's warnings, and the frame
/// facts the stream checks need, all from one split of the SSE text and one parse of each event.
/// </summary>
/// <param name="Body">The SSE text the digest was read from (a digest stands for this exact string).</param>
/// <param name="ResponseJson">The accumulated chat.completion, as results.jsonl records it.</param>
/// <param name="Warnings">What the accumulation found irregular (non-JSON events, no <c>[DONE]</c>).</param>
/// <param name="Facts">The stream's frame facts (the row's <c>stream</c> object).</param>
public sealed record StreamDigest(string Body, string ResponseJson, IReadOnlyList<string> Warnings, StreamFacts Facts)
{
    /// <summary>Reads <paramref name="sseText"/>; <paramref name="requestModel"/> names the model until a chunk does.</summary>
    public static StreamDigest Read(string sseText, string? requestModel)
    {
        ArgumentNullException.ThrowIfNull(sseText);
        var digester = new StreamDigester(requestModel);
        SseEventSplitter.SplitText(sseText, data => digester.Add(data));
        return digester.Finish(sseText);
    }
}
