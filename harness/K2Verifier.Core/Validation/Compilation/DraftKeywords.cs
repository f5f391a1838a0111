namespace K2Verifier.Validation.Compilation;

/// <summary>Which keywords hold subschemas, per draft (as the <c>referencing</c> library crawls them).</summary>
internal static class DraftKeywords
{
    private static readonly string[] SingleSchema2020 =
    [
        "additionalProperties", "contains", "contentSchema", "else", "if", "items", "not", "propertyNames", "then",
        "unevaluatedItems", "unevaluatedProperties",
    ];

    private static readonly string[] SchemaArray2020 = ["allOf", "anyOf", "oneOf", "prefixItems"];

    private static readonly string[] SchemaMap2020 = ["$defs", "definitions", "dependentSchemas", "patternProperties", "properties"];

    private static readonly string[] SingleSchema7 =
        ["additionalItems", "additionalProperties", "contains", "else", "if", "not", "propertyNames", "then"];

    private static readonly string[] SchemaArray7 = ["allOf", "anyOf", "oneOf"];

    private static readonly string[] SchemaMap7 = ["definitions", "patternProperties", "properties"];

    public static IReadOnlyList<string> SingleSchema(SchemaDraft draft) => draft == SchemaDraft.Draft7 ? SingleSchema7 : SingleSchema2020;

    public static IReadOnlyList<string> SchemaArray(SchemaDraft draft) => draft == SchemaDraft.Draft7 ? SchemaArray7 : SchemaArray2020;

    public static IReadOnlyList<string> SchemaMap(SchemaDraft draft) => draft == SchemaDraft.Draft7 ? SchemaMap7 : SchemaMap2020;

    /// <summary>The draft a <c>$schema</c> value names, or null when it names neither supported draft.</summary>
    public static SchemaDraft? FromSchemaUri(string? uri) => uri?.TrimEnd('#') switch
    {
        "http://json-schema.org/draft-07/schema" => SchemaDraft.Draft7,
        "https://json-schema.org/draft/2020-12/schema" => SchemaDraft.Draft202012,
        _ => null,
    };
}
