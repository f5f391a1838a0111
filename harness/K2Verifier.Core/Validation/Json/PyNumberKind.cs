namespace K2Verifier.Validation.Json;

/// <summary>How a <see cref="PyNumber"/> is held.</summary>
internal enum PyNumberKind
{
    /// <summary>A Python int that fits in 64 bits.</summary>
    Long,

    /// <summary>A Python int beyond 64 bits.</summary>
    BigInt,

    /// <summary>A Python float.</summary>
    Float,
}
