namespace K2Verifier.Wire;

/// <content>Checks of a stream's frames, from its recorded <see cref="StreamFacts"/>.</content>
public sealed partial class WireChecker
{
    private static void CheckStream(List<WireFinding> findings, WireRequest request, StreamFacts stream)
    {
        if (stream.FirstDeltaChunk is { } first && !stream.FirstDeltaRole)
        {
            findings.Add(WireFinding.Of(WireCodes.StreamFirstDeltaWithoutRole, "choices[0].delta.role", "first delta has no role", first));
        }

        foreach (var note in stream.Notes)
        {
            if (WireCodes.Find(note.Kind) is { } code)
            {
                var excerpt = note.Count > 1 ? $"{note.Excerpt} (×{note.Count})" : note.Excerpt;
                findings.Add(WireFinding.Of(code, note.Field, excerpt, note.Chunk));
            }
        }

        if (request.IncludeUsage && (stream.UsageChunk is null || stream.UsageChunk != stream.LastChunk))
        {
            findings.Add(WireFinding.Of(WireCodes.StreamUsageMissing, "usage", stream.UsageChunk is { } at
                ? $"usage in chunk {at}, final chunk {stream.LastChunk}"
                : "include_usage asked, no usage chunk", stream.LastChunk));
        }

        if (!stream.Done)
        {
            findings.Add(WireFinding.Of(WireCodes.StreamMissingDone, null, $"{stream.Events} events, no [DONE]", stream.Events));
        }
    }
}
