using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;
using K2Verifier.Validation.Keywords;
using K2Verifier.Validation.Patterns;

namespace K2Verifier.Validation.Compilation;

/// <summary>Keyword compilation, per draft; unknown keywords are ignored (as python-jsonschema does).</summary>
internal sealed partial class SchemaCompiler
{
    /// <summary>Every member name <see cref="BuildKeyword"/> compiles (others, and <c>then</c>/<c>else</c>/<c>minContains</c>/<c>maxContains</c>, are read through their keyword).</summary>
    private static readonly MemberNameLookup<string> KeywordNames = new(new[]
    {
        "$ref", "$dynamicRef", "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "pattern",
        "format", "required", "uniqueItems", "properties", "patternProperties", "additionalProperties", "propertyNames",
        "dependentRequired", "dependentSchemas", "dependencies", "allOf", "anyOf", "oneOf", "not", "if",
        "unevaluatedProperties", "unevaluatedItems", "prefixItems", "items", "additionalItems", "contains",
    }.ToDictionary(k => k, StringComparer.Ordinal));

    private List<Keyword> BuildKeywords(JsonElement schema, SchemaLocation location, string baseUri, SchemaDraft draft)
    {
        var modern = draft == SchemaDraft.Draft202012;
        if (!modern && schema.TryGetProperty("$ref", out var legacyRef) && legacyRef.ValueKind == JsonValueKind.String)
        {
            // Draft-07: $ref overrides every sibling keyword.
            return [CompileReference("$ref", legacyRef.GetString()!, baseUri)];
        }

        var keywords = new List<Keyword>();
        foreach (var property in schema.EnumerateObject())
        {
            // The keyword's one string when the member is a keyword compiled here: descriptions, titles, examples and the
            // like cost no string.
            var keyword = KeywordNames.TryGetValue(property, out var name) ? BuildKeyword(name, property.Value, schema, location, baseUri, modern) : null;
            if (keyword is not null)
            {
                keywords.Add(keyword);
            }
        }

        return keywords;
    }

    private Keyword? BuildKeyword(string name, JsonElement value, JsonElement schema, SchemaLocation location, string baseUri, bool modern)
    {
        var kind = value.ValueKind;
        switch (name)
        {
            case "$ref" or "$dynamicRef" when kind == JsonValueKind.String && (modern || name == "$ref"):
                return CompileReference(name, value.GetString()!, baseUri);
            case "type" when kind == JsonValueKind.String:
                return new TypeKeyword([value.GetString()!]);
            case "type" when kind == JsonValueKind.Array:
                return new TypeKeyword([.. value.EnumerateArray().Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : t.GetRawText())]);
            case "type" when kind == JsonValueKind.Object:
                // Python iterates a dict's keys as the type names (then raises UnknownType for names it does not know).
                return new TypeKeyword([.. value.EnumerateObject().Select(p => p.Name)]);
            case "type":
                return new TypeKeyword([], unknown: value.GetRawText());
            case "enum" when kind == JsonValueKind.Array:
            case "const":
                return new EnumKeyword(name, value);
            case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf" when kind == JsonValueKind.Number:
                return new NumericKeyword(name, value);
            case "minLength" or "maxLength" or "minItems" or "maxItems" or "minProperties" or "maxProperties" when kind == JsonValueKind.Number:
                return new CountKeyword(name, value);
            case "pattern" when kind == JsonValueKind.String:
                return new PatternKeyword(value.GetString()!, PythonRegex.Compile(value.GetString()!, _regexTimeout));
            case "format" when kind == JsonValueKind.String && value.ValueEquals("regex"):
                return new FormatKeyword(_regexTimeout);
            case "required" when kind == JsonValueKind.Array:
                return new RequiredKeyword(value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!));
            case "uniqueItems" when kind == JsonValueKind.True:
                return new UniqueItemsKeyword();
            case "properties" when kind == JsonValueKind.Object:
                return new PropertiesKeyword(NamedSchemas(location, name, value));
            case "patternProperties" when kind == JsonValueKind.Object:
                return new PatternPropertiesKeyword(PatternSchemas(location, value));
            case "additionalProperties":
                return new AdditionalPropertiesKeyword(
                    Child(location, name, value),
                    schema.TryGetProperty("properties", out var declared) && declared.ValueKind == JsonValueKind.Object ? NamedSchemas(location, "properties", declared) : [],
                    schema.TryGetProperty("patternProperties", out var patterns) && patterns.ValueKind == JsonValueKind.Object ? PatternSchemas(location, patterns) : []);
            case "propertyNames":
                return new PropertyNamesKeyword(Child(location, name, value));
            case "dependentRequired" when modern && kind == JsonValueKind.Object:
            case "dependentSchemas" when modern && kind == JsonValueKind.Object:
            case "dependencies" when !modern && kind == JsonValueKind.Object:
                return new DependentRequiredKeyword(name, Dependencies(location, name, value));
            case "allOf" when kind == JsonValueKind.Array:
                return new AllOfKeyword(Children(location, name, value));
            case "anyOf" or "oneOf" when kind == JsonValueKind.Array:
                return new AnyOfKeyword(name, Children(location, name, value), value);
            case "not":
                return new NotKeyword(Child(location, name, value), value);
            case "if":
                return new IfKeyword(
                    Child(location, name, value),
                    schema.TryGetProperty("then", out var then) ? Child(location, "then", then) : null,
                    schema.TryGetProperty("else", out var otherwise) ? Child(location, "else", otherwise) : null);
            case "unevaluatedProperties" or "unevaluatedItems" when modern:
                return new UnevaluatedKeyword(name, Child(location, name, value));
            default:
                return BuildArrayKeyword(name, value, schema, location, modern);
        }
    }

    private Keyword? BuildArrayKeyword(string name, JsonElement value, JsonElement schema, SchemaLocation location, bool modern)
    {
        var kind = value.ValueKind;
        switch (name)
        {
            case "prefixItems" when modern && kind == JsonValueKind.Array:
                return ItemsKeyword.Positional(name, Children(location, name, value));
            case "items" when modern:
                var prefix = schema.TryGetProperty("prefixItems", out var prefixItems) && prefixItems.ValueKind == JsonValueKind.Array
                    ? prefixItems.GetArrayLength()
                    : 0;
                return ItemsKeyword.Rest(name, Child(location, name, value), prefix);
            case "items" when kind == JsonValueKind.Array:
                return ItemsKeyword.Positional(name, Children(location, name, value));
            case "items":
                return ItemsKeyword.Rest(name, Child(location, name, value), 0);
            case "additionalItems" when !modern:
                return schema.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
                    ? ItemsKeyword.Rest(name, Child(location, name, value), items.GetArrayLength())
                    : null;
            case "contains":
                var min = modern && schema.TryGetProperty("minContains", out var minContains) && minContains.ValueKind == JsonValueKind.Number
                    ? PyNumber.Read(minContains)
                    : PyNumber.FromLong(1);
                PyNumber? max = modern && schema.TryGetProperty("maxContains", out var maxContains) && maxContains.ValueKind == JsonValueKind.Number
                    ? PyNumber.Read(maxContains)
                    : null;
                return new ContainsKeyword(Child(location, name, value), min, max);
            default:
                return null;
        }
    }

    private NamedSchema[] NamedSchemas(SchemaLocation location, string keyword, JsonElement map) =>
        [.. map.EnumerateObject().Select(p => new NamedSchema(p.Name, Child(location, keyword, p.Name, p.Value)))];

    private PatternSchema[] PatternSchemas(SchemaLocation location, JsonElement map) =>
        [.. map.EnumerateObject().Select(p => new PatternSchema(p.Name, PythonRegex.Compile(p.Name, _regexTimeout), Child(location, "patternProperties", p.Name, p.Value)))];

    private (string Property, string[]? Names, SchemaNode? Schema)[] Dependencies(SchemaLocation location, string keyword, JsonElement map) =>
    [
        .. map.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.Array
            ? (p.Name, (string[]?)[.. p.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)], (SchemaNode?)null)
            : (p.Name, null, Child(location, keyword, p.Name, p.Value))),
    ];
}
