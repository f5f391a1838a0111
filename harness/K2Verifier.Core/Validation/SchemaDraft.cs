namespace K2Verifier.Validation;

/// <summary>The JSON Schema dialects the validator implements.</summary>
public enum SchemaDraft
{
    /// <summary>Draft 2020-12, python-jsonschema's default when a schema has no <c>$schema</c>.</summary>
    Draft202012,

    /// <summary>Draft-07 (<c>http://json-schema.org/draft-07/schema#</c>).</summary>
    Draft7,
}
