using System.Text.Json;
using System.Text.Json.Nodes;

namespace K2Verifier.Dataset;

/// <summary>
/// One non-blank line of a K2VV-format dataset: the request body, or the problem that made the line unusable.
/// </summary>
/// <param name="Location">File and 1-based physical line; the line number is K2VV's <c>data_index</c>.</param>
/// <param name="Json">
/// The request body as the line holds it (null when <see cref="Problem"/> is set). A record the reader made from the
/// file's bytes has no string of it until one is asked for (then the parsed text, surrounding white space aside).
/// </param>
/// <param name="Problem">Why the line cannot be sent, as <c>field: what is wrong</c>; null for a usable line.</param>
public sealed record DatasetRecord(SourceLocation Location, string? Json, string? Problem)
{
    private readonly string? _json = Json;

    /// <inheritdoc cref="DatasetRecord(SourceLocation, string?, string?)" path="/param[@name='Json']"/>
    public string? Json
    {
        get => _json ?? (Problem is null && Element.ValueKind == JsonValueKind.Object ? Element.GetRawText() : null);
        init => _json = value;
    }

    /// <summary>The request body as a new mutable object on every call (null for an unusable line).</summary>
    public JsonObject? Body => Problem is not null ? null : Element.ValueKind == JsonValueKind.Object ? JsonObject.Create(Element) : Json is { } json ? JsonNode.Parse(json) as JsonObject : null;

    /// <summary>
    /// <see cref="Json"/> as the reader parsed it (an element of a document that needs no disposing), so preparation
    /// does not parse the line again; <see cref="JsonValueKind.Undefined"/> when whoever made the record did not keep
    /// it (preparation then parses <see cref="Json"/>). Default: undefined.
    /// </summary>
    public JsonElement Element { get; init; }

    /// <summary>K2VV's data_index: the 1-based physical line number.</summary>
    public int DataIndex => Location.Line;

    /// <summary>True when the line holds a usable request.</summary>
    public bool IsValid => Problem is null;

    /// <summary><c>file:line: problem</c>, for messages.</summary>
    public string Describe() => $"{Location}: {Problem}";
}
