using System.Text.Json;
using K2Verifier.Validation.Metaschemas;

namespace K2Verifier.Validation.Compilation;

/// <summary>
/// The schema resources one compilation can reach: the root document, embedded resources (<c>$id</c>), anchors
/// (<c>$anchor</c>, <c>$dynamicAnchor</c>, draft-07 <c>"$id": "#name"</c>), the bundled metaschemas and documents from
/// the optional resource loader. Never touches the network.
/// </summary>
internal sealed class SchemaRegistry
{
    private readonly List<(JsonElement Root, SchemaDraft Draft, bool DuplicateNames)> _documents = [];
    private readonly Dictionary<string, SchemaLocation> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<SchemaLocation, string> _resourceBases = [];
    private readonly Dictionary<(string Uri, string Name), (SchemaLocation Location, bool Dynamic)> _anchors = [];
    private readonly Func<Uri, string?>? _loader;
    private readonly SchemaDraft _defaultDraft;

    public SchemaRegistry(SchemaDraft defaultDraft, Func<Uri, string?>? loader)
    {
        _defaultDraft = defaultDraft;
        _loader = loader;
    }

    /// <summary>True once any document declared a <c>$dynamicAnchor</c> (only then is the dynamic scope tracked).</summary>
    public bool HasDynamicAnchors { get; private set; }

    public SchemaDraft DraftOf(int document) => _documents[document].Draft;

    public JsonElement Root(int document) => _documents[document].Root;

    /// <summary>
    /// True when some object of the document names a member twice. Only then can a JSON Pointer (which takes the last
    /// of equal names) reach another element than the one an enumeration of its parent yields.
    /// </summary>
    public bool HasDuplicateNames(int document) => _documents[document].DuplicateNames;

    /// <summary>Adds a document retrieved from <paramref name="retrievalUri"/> ("" for the caller's schema).</summary>
    public int AddDocument(JsonElement root, string retrievalUri, SchemaDraft? draft = null)
    {
        var dialect = draft ?? DetectDraft(root) ?? _defaultDraft;
        _documents.Add((root, dialect, Json.JsonMembers.HasDuplicateNames(root)));
        var index = _documents.Count - 1;
        var location = new SchemaLocation(index, string.Empty);
        _resources.TryAdd(retrievalUri, location);
        _resourceBases[location] = retrievalUri;
        if (MayDeclareIdentifiers(root))
        {
            Walk(root, index, string.Empty, retrievalUri, dialect);
        }

        return index;
    }

    public static SchemaDraft? DetectDraft(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$schema", out var schema) && schema.ValueKind == JsonValueKind.String
            ? DraftKeywords.FromSchemaUri(schema.GetString())
            : null;

    /// <summary>The base URI in effect at <paramref name="location"/> (nearest enclosing resource).</summary>
    public string BaseOf(SchemaLocation location)
    {
        if (_resourceBases.Count == 1 && location.Document == 0)
        {
            // Only the first document's root is a resource: every location of that document has its base.
            return _resourceBases[new SchemaLocation(0, string.Empty)];
        }

        var pointer = location.Pointer;
        while (true)
        {
            if (_resourceBases.TryGetValue(location with { Pointer = pointer }, out var baseUri))
            {
                return baseUri;
            }

            var slash = pointer.LastIndexOf('/');
            pointer = slash <= 0 ? string.Empty : pointer[..slash];
        }
    }

    /// <summary>Finds (or loads) the resource with absolute <paramref name="uri"/> (no fragment).</summary>
    public bool TryGetResource(string uri, out SchemaLocation location)
    {
        if (_resources.TryGetValue(uri, out location))
        {
            return true;
        }

        if (MetaschemaStore.TryGet(uri, out var metaschema))
        {
            AddDocument(metaschema, uri);
            return _resources.TryGetValue(uri, out location);
        }

        if (_loader is not null && Uri.TryCreate(uri, UriKind.Absolute, out var absolute))
        {
            string? text;
            try
            {
                text = _loader(absolute);
            }
            catch (IOException)
            {
                text = null;
            }

            if (text is not null)
            {
                using var document = JsonDocument.Parse(text);
                AddDocument(document.RootElement.Clone(), uri);
                return _resources.TryGetValue(uri, out location);
            }
        }

        return false;
    }

    public bool TryGetAnchor(string uri, string name, out SchemaLocation location, out bool dynamic)
    {
        var found = _anchors.TryGetValue((uri, name), out var anchor);
        location = anchor.Location;
        dynamic = anchor.Dynamic;
        return found;
    }

    /// <summary>The location of the <c>$dynamicAnchor</c> <paramref name="name"/> in resource <paramref name="uri"/>, if any.</summary>
    public bool TryGetDynamicAnchor(string uri, string name, out SchemaLocation location) =>
        TryGetAnchor(uri, name, out location, out var dynamic) && dynamic;

    /// <summary>Every <c>$dynamicAnchor</c> registered so far: (resource URI, name) and its location.</summary>
    public List<((string Uri, string Name) Key, SchemaLocation Location)> DynamicAnchors() =>
        [.. _anchors.Where(a => a.Value.Dynamic).Select(a => (a.Key, a.Value.Location))];

    public JsonElement ElementAt(SchemaLocation location)
    {
        Json.JsonPointer.TryResolve(Root(location.Document), location.Pointer, out var element);
        return element;
    }

    /// <summary>
    /// False when no member of <paramref name="root"/> can be named <c>$id</c>, <c>$anchor</c> or <c>$dynamicAnchor</c>:
    /// its text has no <c>$</c> followed by <c>i</c>, <c>a</c>, <c>d</c> or an escape, and no escaped <c>$</c>. Then the
    /// walk that registers identifiers has nothing to find (most tool schemas: it cost a string per member).
    /// </summary>
    private static bool MayDeclareIdentifiers(JsonElement root)
    {
        ReadOnlySpan<byte> text = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(root);
        if (text.IndexOf("\\u0024"u8) >= 0)
        {
            return true;
        }

        for (var at = text.IndexOf((byte)'$'); at >= 0 && at + 1 < text.Length;)
        {
            if (text[at + 1] is (byte)'i' or (byte)'a' or (byte)'d' or (byte)'\\')
            {
                return true;
            }

            var next = text[(at + 1)..].IndexOf((byte)'$');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    private void Walk(JsonElement schema, int document, string pointer, string baseUri, SchemaDraft draft)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var location = new SchemaLocation(document, pointer);
        baseUri = RegisterIdentifiers(schema, location, baseUri, draft);
        foreach (var property in schema.EnumerateObject())
        {
            var childPointer = Json.JsonPointer.Append(pointer, property.Name);
            var value = property.Value;
            if (Contains(DraftKeywords.SingleSchema(draft), property.Name) ||
                (draft == SchemaDraft.Draft7 && property.Name == "items" && value.ValueKind == JsonValueKind.Object))
            {
                Walk(value, document, childPointer, baseUri, draft);
            }
            else if ((Contains(DraftKeywords.SchemaArray(draft), property.Name) ||
                      (draft == SchemaDraft.Draft7 && property.Name == "items")) && value.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Walk(item, document, Json.JsonPointer.Append(childPointer, index++), baseUri, draft);
                }
            }
            else if ((Contains(DraftKeywords.SchemaMap(draft), property.Name) ||
                      (draft == SchemaDraft.Draft7 && property.Name == "dependencies")) && value.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in value.EnumerateObject())
                {
                    Walk(entry.Value, document, Json.JsonPointer.Append(childPointer, entry.Name), baseUri, draft);
                }
            }
        }
    }

    private string RegisterIdentifiers(JsonElement schema, SchemaLocation location, string baseUri, SchemaDraft draft)
    {
        var hasRef = schema.TryGetProperty("$ref", out _);
        if (schema.TryGetProperty("$id", out var id) && id.ValueKind == JsonValueKind.String && !(draft == SchemaDraft.Draft7 && hasRef))
        {
            var text = id.GetString()!;
            if (draft == SchemaDraft.Draft7 && text.StartsWith('#'))
            {
                AddAnchor(baseUri, text[1..], location, dynamic: false);
            }
            else
            {
                baseUri = SchemaUri.StripFragment(SchemaUri.Join(baseUri, text));
                _resources.TryAdd(baseUri, location);
                _resourceBases[location] = baseUri;
            }
        }

        if (draft != SchemaDraft.Draft7)
        {
            if (schema.TryGetProperty("$anchor", out var anchor) && anchor.ValueKind == JsonValueKind.String)
            {
                AddAnchor(baseUri, anchor.GetString()!, location, dynamic: false);
            }

            if (schema.TryGetProperty("$dynamicAnchor", out var dynamicAnchor) && dynamicAnchor.ValueKind == JsonValueKind.String)
            {
                AddAnchor(baseUri, dynamicAnchor.GetString()!, location, dynamic: true);
                HasDynamicAnchors = true;
            }
        }

        return baseUri;
    }

    private void AddAnchor(string baseUri, string name, SchemaLocation location, bool dynamic)
    {
        if (dynamic || !_anchors.ContainsKey((baseUri, name)))
        {
            _anchors[(baseUri, name)] = (location, dynamic);
        }
    }

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
