namespace K2Verifier.Wire;

/// <summary>A frame defect seen in a stream: its kind (the wire code it leads to), where it first showed, and how often.</summary>
/// <param name="Kind">The wire code (e.g. <c>stream_non_json_event</c>).</param>
/// <param name="Chunk">The first SSE event showing it.</param>
/// <param name="Count">How many events showed it.</param>
/// <param name="Field">The field involved, when one is.</param>
/// <param name="Excerpt">A short excerpt of the first occurrence.</param>
public sealed record StreamNote(string Kind, int Chunk, int Count = 1, string? Field = null, string? Excerpt = null);
