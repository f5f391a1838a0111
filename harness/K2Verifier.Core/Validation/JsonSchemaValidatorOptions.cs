namespace K2Verifier.Validation;

/// <summary>Settings of a <see cref="JsonSchemaValidator"/>; immutable.</summary>
public sealed record JsonSchemaValidatorOptions
{
    /// <summary>The shared defaults.</summary>
    public static JsonSchemaValidatorOptions Default { get; } = new();

    /// <summary>
    /// The draft for schemas whose <c>$schema</c> names neither draft-07 nor 2020-12 (or is absent).
    /// Default: <see cref="SchemaDraft.Draft202012"/>, as python-jsonschema's <c>validator_for</c>.
    /// </summary>
    public SchemaDraft DefaultDraft { get; init; } = SchemaDraft.Draft202012;

    /// <summary>
    /// Serves the JSON text of a remote schema by absolute URI (null: unknown). Default: null, so a <c>$ref</c> to a
    /// resource that is neither in the schema nor a bundled metaschema is unresolvable. The network is never used.
    /// </summary>
    public Func<Uri, string?>? ResourceLoader { get; init; }

    /// <summary>How many compiled schemas the cache keeps before it is cleared. Default: 4096.</summary>
    public int CacheCapacity { get; init; } = 4096;

    /// <summary>The match timeout of each <c>pattern</c>/<c>patternProperties</c> regex. Default: 2 seconds.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
