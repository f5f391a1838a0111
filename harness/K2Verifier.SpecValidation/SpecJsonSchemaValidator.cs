using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;
using K2Verifier.Validation;

namespace K2Verifier.SpecValidation;

/// <summary>
/// JSON Schema as the specification reads it, through JsonSchema.Net 8.0.5: the draft the schema's <c>$schema</c>
/// names (2020-12 when it names none), ECMA-262-like .NET regular expressions, decimal numbers, string lengths in
/// text elements, <c>format</c> not asserted. A schema JsonSchema.Net cannot build (an unknown <c>$schema</c>, a
/// pattern .NET cannot compile, a malformed keyword) is <see cref="SchemaVerdict.InvalidSchema"/> with its message.
/// The second dialect beside the python-jsonschema-faithful <see cref="JsonSchemaValidator"/>; built schemas are
/// cached by content. Thread-safe.
/// </summary>
public sealed class SpecJsonSchemaValidator : IJsonSchemaValidator
{
    /// <summary>How many built schemas are kept before the cache starts over.</summary>
    public const int CacheCapacity = 4096;

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = false };
    private readonly ConcurrentDictionary<string, Built> _cache = new(StringComparer.Ordinal);

    /// <summary>The shared instance.</summary>
    public static SpecJsonSchemaValidator Default { get; } = new();

    /// <inheritdoc/>
    public SchemaValidationResult Validate(JsonElement schema, JsonElement instance)
    {
        var built = Build(schema);
        if (built.Schema is null)
        {
            return built.Invalid!;
        }

        EvaluationResults results;
        try
        {
            results = built.Schema.Evaluate(instance, Evaluation);
        }
        catch (Exception ex) when (ex is JsonSchemaException or ArgumentException or InvalidOperationException or FormatException or System.Text.RegularExpressions.RegexParseException)
        {
            return InvalidSchema($"the schema cannot be evaluated: {ex.Message}");
        }

        return results.IsValid ? SchemaValidationResult.Valid : new SchemaValidationResult(SchemaVerdict.Invalid, SpecIssues.From(results));
    }

    private Built Build(JsonElement schema)
    {
        var key = schema.GetRawText();
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_cache.Count >= CacheCapacity)
        {
            _cache.Clear();
        }

        return _cache.GetOrAdd(key, _ => BuildUncached(schema.Clone()));
    }

    private static Built BuildUncached(JsonElement schema)
    {
        try
        {
            // A registry of its own per schema: tool schemas that reuse an $id never collide.
            var options = new BuildOptions { Dialect = Dialect.Draft202012, SchemaRegistry = new SchemaRegistry() };
            return new Built(JsonSchema.Build(schema, options), null);
        }
        catch (Exception ex) when (ex is JsonSchemaException or JsonException or ArgumentException or InvalidOperationException or FormatException or UriFormatException or KeyNotFoundException or NotSupportedException)
        {
            return new Built(null, InvalidSchema($"the schema cannot be built: {ex.Message}"));
        }
    }

    private static SchemaValidationResult InvalidSchema(string message) =>
        new(SchemaVerdict.InvalidSchema, [new ValidationIssue(string.Empty, string.Empty, message)]);

    private sealed record Built(JsonSchema? Schema, SchemaValidationResult? Invalid);
}
