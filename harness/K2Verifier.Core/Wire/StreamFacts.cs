namespace K2Verifier.Wire;

/// <summary>
/// What the stream checks need from a raw SSE stream, recorded at read time as the row's <c>stream</c> object (the
/// journal keeps only the accumulated chat.completion). Chunk numbers are 1-based SSE event numbers.
/// </summary>
public sealed record StreamFacts
{
    /// <summary>Data events, <c>[DONE]</c> included.</summary>
    public int Events { get; init; }

    /// <summary>True when <c>data: [DONE]</c> was seen.</summary>
    public bool Done { get; init; }

    /// <summary>The first chunk carrying a choice delta; null when none did.</summary>
    public int? FirstDeltaChunk { get; init; }

    /// <summary>True when that first delta had a <c>role</c>.</summary>
    public bool FirstDeltaRole { get; init; }

    /// <summary>The first chunk carrying a non-null finish_reason; null when none did.</summary>
    public int? FinishChunk { get; init; }

    /// <summary>The last chunk carrying a top-level <c>usage</c> object; null when none did.</summary>
    public int? UsageChunk { get; init; }

    /// <summary>The last chunk that was a JSON object; null when none was.</summary>
    public int? LastChunk { get; init; }

    /// <summary>The distinct choice indexes seen (more than one means several choices were streamed).</summary>
    public IReadOnlyList<int> ChoiceIndexes { get; init; } = [];

    /// <summary>The first occurrence of each frame defect, with how many chunks showed it.</summary>
    public IReadOnlyList<StreamNote> Notes { get; init; } = [];
}
