namespace K2Verifier.Dataset;

/// <summary>Where a record came from: file path and 1-based physical line number.</summary>
public readonly record struct SourceLocation(string File, int Line)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}";
}
