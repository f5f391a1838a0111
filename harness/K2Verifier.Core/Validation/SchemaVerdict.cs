namespace K2Verifier.Validation;

/// <summary>The outcome of one schema validation.</summary>
public enum SchemaVerdict
{
    /// <summary>The instance satisfies the schema.</summary>
    Valid,

    /// <summary>The instance breaks the schema; the errors say where.</summary>
    Invalid,

    /// <summary>The schema itself is invalid (fails its metaschema, or has a pattern Python's <c>re</c> cannot compile).</summary>
    InvalidSchema,
}
