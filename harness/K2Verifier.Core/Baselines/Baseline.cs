namespace K2Verifier.Baselines;

/// <summary>A reference to compare a run with, keyed by data_index.</summary>
public sealed record Baseline(string Path, BaselineKind Kind, IReadOnlyDictionary<int, BaselineEntry> Entries)
{
    /// <summary>True when at least one entry names a category (metrics can then be sliced).</summary>
    public bool HasCategories => Entries.Values.Any(e => e.Category is not null);
}
