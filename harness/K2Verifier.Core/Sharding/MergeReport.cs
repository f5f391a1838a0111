namespace K2Verifier.Sharding;

/// <summary>What <see cref="JournalMerger"/> found while merging.</summary>
/// <param name="Rows">Rows in the merged journal (one per data_index).</param>
/// <param name="DuplicateRows">Rows whose data_index appeared in more than one shard journal (the latest kept).</param>
/// <param name="MisplacedRows">Rows found in a shard they do not belong to (by request hash).</param>
/// <param name="MissingRows">Per shard, requests assigned to it that have no row.</param>
/// <param name="MissingShards">Shard indices with no manifest.</param>
/// <param name="DuplicatedShards">Shard indices given more than once.</param>
/// <param name="IncompleteShards">Shards whose run stopped early.</param>
public sealed record MergeReport(
    int Rows,
    int DuplicateRows,
    IReadOnlyList<string> MisplacedRows,
    IReadOnlyList<string> MissingRows,
    IReadOnlyList<int> MissingShards,
    IReadOnlyList<int> DuplicatedShards,
    IReadOnlyList<int> IncompleteShards)
{
    /// <summary>True when every shard is present, complete, and every assigned request has a row.</summary>
    public bool IsComplete => MissingShards.Count == 0 && IncompleteShards.Count == 0 && MissingRows.Count == 0;
}
