using System.Runtime.InteropServices;
using System.Text.Json;
using K2Verifier.Validation.Compilation;
using K2Verifier.Validation.Metaschemas;

namespace K2Verifier.Validation;

/// <summary>
/// The project's JSON Schema validator (draft 2020-12 and draft-07), matching python-jsonschema 4.26's
/// <c>jsonschema.validate(instance, schema)</c>: the schema is checked against its metaschema (with the "regex" format
/// asserted, so a pattern Python's <c>re</c> rejects makes it invalid), then the instance is validated without
/// format assertion, with Python's number, string and regex semantics. Compiled schemas are cached by content.
/// Thread-safe.
/// </summary>
public sealed class JsonSchemaValidator : IJsonSchemaValidator
{
    private static readonly Lazy<CompiledSchema> Draft7Metaschema = new(() => CompileMetaschema(SchemaDraft.Draft7));
    private static readonly Lazy<CompiledSchema> Draft202012Metaschema = new(() => CompileMetaschema(SchemaDraft.Draft202012));
    private readonly SchemaCache _cache;

    /// <summary>Creates a validator with <paramref name="options"/> (default: <see cref="JsonSchemaValidatorOptions.Default"/>).</summary>
    public JsonSchemaValidator(JsonSchemaValidatorOptions? options = null)
    {
        Options = options ?? JsonSchemaValidatorOptions.Default;
        _cache = new SchemaCache(Options.CacheCapacity);
    }

    /// <summary>The shared instance with default options (2020-12 by default, no remote resources).</summary>
    public static JsonSchemaValidator Default { get; } = new();

    /// <summary>The options this validator was created with.</summary>
    public JsonSchemaValidatorOptions Options { get; }

    /// <summary>How many compiled schemas are cached now.</summary>
    public int CachedSchemaCount => _cache.Count;

    /// <inheritdoc/>
    public SchemaValidationResult Validate(JsonElement schema, JsonElement instance) => Compile(schema).Validate(instance);

    /// <summary>Returns the compiled form of <paramref name="schema"/> from the cache, compiling it on first use.</summary>
    public CompiledSchema Compile(JsonElement schema) =>
        _cache.GetOrAdd(JsonMarshal.GetRawUtf8Value(schema), () => CompileUncached(OwnDocument(schema)));

    /// <summary>
    /// The schema in a document of its own: a cached schema must not keep the request it came with alive (Clone does
    /// not copy an element of a document that needs no disposing, and a request's document is many times its schema).
    /// </summary>
    private static JsonElement OwnDocument(JsonElement schema) => JsonElement.Parse(JsonMarshal.GetRawUtf8Value(schema), K2Verifier.Json.JsonText.DeepDocument);

    private CompiledSchema CompileUncached(JsonElement schema)
    {
        var registry = new SchemaRegistry(Options.DefaultDraft, Options.ResourceLoader);
        var draft = SchemaRegistry.DetectDraft(schema) ?? Options.DefaultDraft;
        var metaschema = (draft == SchemaDraft.Draft7 ? Draft7Metaschema : Draft202012Metaschema).Value;
        var check = metaschema.Validate(schema);
        if (!check.IsValid)
        {
            return CompiledSchema.Invalid(draft, [.. check.Errors.Select(e => new ValidationIssue(
                string.Empty, e.InstanceLocation, $"{e.Message} (metaschema keyword {e.KeywordLocation})"))]);
        }

        try
        {
            var document = registry.AddDocument(schema, string.Empty, draft);
            var root = new SchemaCompiler(registry, Options.RegexTimeout).CompileRoot(document);
            return CompiledSchema.Valid(draft, root, assertRegexFormat: false, registry.HasDynamicAnchors);
        }
        catch (Exception ex) when (ex is JsonException or UriFormatException or ArgumentException or InvalidOperationException or FormatException)
        {
            return CompiledSchema.Invalid(draft, [new ValidationIssue(string.Empty, string.Empty, $"the schema cannot be compiled: {ex.Message}")]);
        }
    }

    private static CompiledSchema CompileMetaschema(SchemaDraft draft)
    {
        var registry = new SchemaRegistry(draft, loader: null);
        var uri = draft == SchemaDraft.Draft7 ? MetaschemaStore.Draft7Uri : MetaschemaStore.Draft202012Uri;
        var document = registry.AddDocument(MetaschemaStore.Get(draft), uri, draft);
        var root = new SchemaCompiler(registry, JsonSchemaValidatorOptions.Default.RegexTimeout).CompileRoot(document);
        return CompiledSchema.Valid(draft, root, assertRegexFormat: true, registry.HasDynamicAnchors);
    }
}
