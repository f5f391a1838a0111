using System.Text.Json;

namespace K2Verifier.Validation.CrossCheck;

/// <summary>
/// Why python-jsonschema's semantics and the JSON Schema specification (JsonSchema.Net) judged one instance
/// differently, from the schema and the keywords that failed. The classes are documented in docs/validation.md.
/// </summary>
public static class DisagreementReason
{
    /// <summary>Python's <c>re</c> vs .NET regular expressions (<c>\Z</c>, Unicode <c>\d</c>/<c>\w</c>, <c>(?P&lt;name&gt;…)</c>).</summary>
    public const string RegexDialect = "regex_dialect";

    /// <summary>Binary vs decimal numbers: <c>multipleOf</c> with decimals, <c>1e400</c>, integers written with a fraction.</summary>
    public const string NumberRepresentation = "number_representation";

    /// <summary>A <c>$schema</c> neither validator knows the same way.</summary>
    public const string UnknownDialect = "unknown_dialect";

    /// <summary>Code points vs text elements in <c>minLength</c>/<c>maxLength</c>.</summary>
    public const string StringLength = "string_length";

    /// <summary>Keywords beside <c>$ref</c> in draft-07 and earlier: ignored by the draft and python, applied by JsonSchema.Net.</summary>
    public const string RefSiblings = "ref_siblings";

    /// <summary>
    /// A <c>$ref</c> one side resolves and the other cannot: an <c>$id</c> embedded under draft-07's <c>definitions</c> is a
    /// schema resource to python, not to JsonSchema.Net reading the schema as 2020-12 (where <c>definitions</c> is unknown).
    /// </summary>
    public const string RefResolution = "ref_resolution";

    /// <summary>None of the above.</summary>
    public const string Other = "other";

    private static readonly HashSet<string> KnownDialects = new(StringComparer.Ordinal)
    {
        "https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2019-09/schema",
        "http://json-schema.org/draft-07/schema", "http://json-schema.org/draft-06/schema",
    };

    private static readonly HashSet<string> NumberKeywords = new(StringComparer.Ordinal)
    {
        "multipleOf", "type", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "const", "enum",
    };

    /// <summary>The class of a disagreement between <paramref name="python"/> and <paramref name="spec"/> on <paramref name="schema"/>.</summary>
    public static string Classify(JsonElement schema, SchemaValidationResult python, SchemaValidationResult spec)
    {
        ArgumentNullException.ThrowIfNull(python);
        ArgumentNullException.ThrowIfNull(spec);
        if (HasUnknownDialect(schema))
        {
            return UnknownDialect;
        }

        var rejected = python.IsValid ? spec : python;
        var messages = string.Join(" ", rejected.Errors.Select(e => e.Message));
        if (rejected.Verdict == SchemaVerdict.InvalidSchema && (messages.Contains("regex", StringComparison.OrdinalIgnoreCase)
            || messages.Contains("pattern", StringComparison.OrdinalIgnoreCase) || messages.Contains("parsing", StringComparison.OrdinalIgnoreCase)))
        {
            return RegexDialect;
        }

        if (rejected.Verdict == SchemaVerdict.InvalidSchema && messages.Contains("Could not resolve", StringComparison.Ordinal))
        {
            return RefResolution;
        }

        if (IsDraft7OrOlder(schema) && HasRefWithSiblings(schema))
        {
            return RefSiblings;
        }

        var keywords = rejected.Errors.Select(e => e.Keyword).ToHashSet(StringComparer.Ordinal);
        if (keywords.Overlaps(["pattern", "patternProperties"]))
        {
            return RegexDialect;
        }

        if (keywords.Overlaps(["minLength", "maxLength"]))
        {
            return StringLength;
        }

        return keywords.Overlaps(NumberKeywords) ? NumberRepresentation : Other;
    }

    private static bool HasUnknownDialect(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$schema", out var uri) &&
        (uri.ValueKind != JsonValueKind.String || !KnownDialects.Contains(uri.GetString()!.TrimEnd('#')));

    private static bool IsDraft7OrOlder(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$schema", out var uri) && uri.ValueKind == JsonValueKind.String &&
        uri.GetString()!.Contains("json-schema.org/draft-0", StringComparison.Ordinal);

    private static bool HasRefWithSiblings(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.Object => (node.TryGetProperty("$ref", out _) && node.EnumerateObject().Any(p => p.Name is not ("$ref" or "$schema" or "$id" or "definitions" or "$comment" or "title" or "description")))
            || node.EnumerateObject().Any(p => HasRefWithSiblings(p.Value)),
        JsonValueKind.Array => node.EnumerateArray().Any(HasRefWithSiblings),
        _ => false,
    };
}
