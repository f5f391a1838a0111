using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;
using K2Verifier.Validation.Keywords;

namespace K2Verifier.Validation.Compilation;

/// <summary>
/// Turns schema documents into <see cref="SchemaNode"/> graphs: one node per physical location (so <c>$ref</c>
/// cycles become graph cycles, never infinite compilation), references resolved up front through the registry.
/// </summary>
internal sealed partial class SchemaCompiler
{
    private readonly SchemaRegistry _registry;
    private readonly TimeSpan _regexTimeout;
    private readonly Dictionary<SchemaLocation, SchemaNode> _nodes = [];
    private readonly List<RefKeyword> _refs = [];

    public SchemaCompiler(SchemaRegistry registry, TimeSpan regexTimeout)
    {
        _registry = registry;
        _regexTimeout = regexTimeout;
    }

    /// <summary>Compiles the document's root and everything it references.</summary>
    public SchemaNode CompileRoot(int document)
    {
        var root = Compile(new SchemaLocation(document, string.Empty));
        var anchors = new Dictionary<(string Uri, string Name), SchemaNode>();
        var known = -1;
        while (known != anchors.Count || _registry.DynamicAnchors().Count != anchors.Count)
        {
            known = anchors.Count;
            foreach (var (key, location) in _registry.DynamicAnchors())
            {
                anchors[key] = Compile(location);
            }
        }

        foreach (var reference in _refs)
        {
            reference.SetDynamicAnchors(anchors);
        }

        return root;
    }

    private SchemaNode Compile(SchemaLocation location) =>
        _nodes.TryGetValue(location, out var existing) ? existing : Compile(location, _registry.ElementAt(location));

    /// <summary>Compiles the schema <paramref name="element"/> found at <paramref name="location"/> (once per location).</summary>
    private SchemaNode Compile(SchemaLocation location, JsonElement element)
    {
        if (_nodes.TryGetValue(location, out var existing))
        {
            return existing;
        }

        if (_registry.HasDuplicateNames(location.Document))
        {
            // A pointer takes the last of equal names, so the location may name another element than the one given.
            element = _registry.ElementAt(location);
        }

        var baseUri = _registry.BaseOf(location);
        var node = element.ValueKind switch
        {
            JsonValueKind.False => new SchemaNode(false, baseUri),
            JsonValueKind.Object => new SchemaNode(null, baseUri),
            _ => new SchemaNode(true, baseUri),
        };
        _nodes[location] = node;
        if (element.ValueKind == JsonValueKind.Object)
        {
            var keywords = BuildKeywords(element, location, baseUri, _registry.DraftOf(location.Document));
            node.SetKeywords(UnevaluatedLast(keywords, out var hasUnevaluated), hasUnevaluated);
        }

        return node;
    }

    /// <summary>The keywords in order, the unevaluated ones moved to the end (they read the others' annotations).</summary>
    private static Keyword[] UnevaluatedLast(List<Keyword> keywords, out bool hasUnevaluated)
    {
        var ordered = new Keyword[keywords.Count];
        var next = 0;
        foreach (var keyword in keywords)
        {
            if (keyword is not UnevaluatedKeyword)
            {
                ordered[next++] = keyword;
            }
        }

        hasUnevaluated = next < ordered.Length;
        foreach (var keyword in keywords)
        {
            if (keyword is UnevaluatedKeyword)
            {
                ordered[next++] = keyword;
            }
        }

        return ordered;
    }

    private SchemaNode Child(SchemaLocation parent, string keyword, JsonElement element) =>
        Compile(parent with { Pointer = JsonPointer.Append(parent.Pointer, keyword) }, element);

    private SchemaNode Child(SchemaLocation parent, string keyword, string name, JsonElement element) =>
        Compile(parent with { Pointer = JsonPointer.Append(JsonPointer.Append(parent.Pointer, keyword), name) }, element);

    private SchemaNode[] Children(SchemaLocation parent, string keyword, JsonElement array)
    {
        var children = new SchemaNode[array.GetArrayLength()];
        var pointer = JsonPointer.Append(parent.Pointer, keyword);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            children[index] = Compile(parent with { Pointer = JsonPointer.Append(pointer, index) }, item);
            index++;
        }

        return children;
    }

    private RefKeyword CompileReference(string keyword, string reference, string baseUri)
    {
        var compiled = new RefKeyword(keyword, baseUri);
        _refs.Add(compiled);
        var (uri, fragment) = SchemaUri.Split(SchemaUri.Join(baseUri, reference));
        if (!_registry.TryGetResource(uri, out var resource))
        {
            compiled.Fail($"Unresolvable: {reference} (no resource {PyRepr.String(uri)}; remote references are never fetched)");
            return compiled;
        }

        fragment = Uri.UnescapeDataString(fragment);
        if (fragment.Length == 0 || fragment[0] == '/')
        {
            var pointer = resource.Pointer + fragment;
            if (!JsonPointer.TryResolve(_registry.Root(resource.Document), pointer, out _))
            {
                compiled.Fail($"Unresolvable JSON pointer: {PyRepr.String(fragment)}");
                return compiled;
            }

            compiled.Resolve(Compile(resource with { Pointer = pointer }), uri, null);
            return compiled;
        }

        if (!_registry.TryGetAnchor(uri, fragment, out var anchor, out var dynamic))
        {
            compiled.Fail($"Unresolvable: {reference} (no anchor {PyRepr.String(fragment)})");
            return compiled;
        }

        compiled.Resolve(Compile(anchor), uri, dynamic ? fragment : null);
        return compiled;
    }
}
