using System.Collections.Frozen;
using System.Text.Json;

namespace K2Verifier.Validation.Metaschemas;

/// <summary>
/// The official draft-07 and draft 2020-12 metaschemas (with the 2020-12 vocabulary metaschemas), embedded as
/// resources, copied unchanged from the <c>jsonschema-specifications</c> package python-jsonschema uses.
/// </summary>
internal static class MetaschemaStore
{
    public const string Draft7Uri = "http://json-schema.org/draft-07/schema";
    public const string Draft202012Uri = "https://json-schema.org/draft/2020-12/schema";

    private static readonly Lazy<FrozenDictionary<string, JsonElement>> Documents = new(Load);

    public static bool TryGet(string uri, out JsonElement document) => Documents.Value.TryGetValue(uri, out document);

    public static JsonElement Get(SchemaDraft draft) => Documents.Value[draft == SchemaDraft.Draft7 ? Draft7Uri : Draft202012Uri];

    private static FrozenDictionary<string, JsonElement> Load()
    {
        var assembly = typeof(MetaschemaStore).Assembly;
        var documents = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith("K2Verifier.Metaschemas.", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var parsed = JsonDocument.Parse(stream);
            var root = parsed.RootElement.Clone();
            var id = root.GetProperty("$id").GetString()!.TrimEnd('#');
            documents[id] = root;
        }

        return documents.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
