namespace K2Verifier.Datasets.Generation.Catalog;

/// <summary>Terse constructors for the per-domain catalog files.</summary>
internal static class CatalogBuilder
{
    public static ToolSpec Tool(string domain, string name, string description, string parametersJson, params ToolExample[] examples) =>
        new(domain, name, description, parametersJson, examples);

    public static ToolExample Ex(string en, string zh, string argumentsJson, string result) => new(en, zh, argumentsJson, result);
}
