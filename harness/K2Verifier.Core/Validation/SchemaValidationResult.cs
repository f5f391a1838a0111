namespace K2Verifier.Validation;

/// <summary>The verdict of one validation and, unless valid, the errors that explain it.</summary>
/// <param name="Verdict">Valid, invalid instance, or invalid schema.</param>
/// <param name="Errors">Empty when valid; for an invalid schema, the errors found in the schema.</param>
public sealed record SchemaValidationResult(SchemaVerdict Verdict, IReadOnlyList<ValidationIssue> Errors)
{
    /// <summary>The shared result for a valid instance.</summary>
    public static SchemaValidationResult Valid { get; } = new(SchemaVerdict.Valid, []);

    /// <summary>True when the verdict is <see cref="SchemaVerdict.Valid"/>.</summary>
    public bool IsValid => Verdict == SchemaVerdict.Valid;
}
