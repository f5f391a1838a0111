using System.Text.Json;

namespace K2Verifier.Wire;

/// <summary>What the wire checks need from a request: streaming, usage asked, <c>n</c>, <c>tool_choice</c> and the model.</summary>
/// <param name="Stream">True for <c>stream: true</c>.</param>
/// <param name="IncludeUsage">True when <c>stream_options.include_usage</c> was asked.</param>
/// <param name="N">The <c>n</c> asked (null when not asked).</param>
/// <param name="ToolChoice"><c>auto</c>, <c>none</c>, <c>required</c>, or <c>function</c> with <see cref="NamedFunction"/>.</param>
/// <param name="NamedFunction">The function a named tool_choice asks for.</param>
/// <param name="Model">The request's model.</param>
public sealed record WireRequest(bool Stream, bool IncludeUsage, int? N, string ToolChoice, string? NamedFunction, string? Model)
{
    /// <summary>True when the model is one whose official API writes Kimi's <c>functions.NAME:IDX</c> ids.</summary>
    public bool IsKimi => Model is { } m && (m.Contains("kimi", StringComparison.OrdinalIgnoreCase) || m.Contains("k2", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the request object (the prepared body with any extra body merged).</summary>
    public static WireRequest From(JsonElement request, JsonElement? extraBody = null)
    {
        var stream = Bool(request, extraBody, "stream");
        var options = Property(request, extraBody, "stream_options");
        var includeUsage = options is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("include_usage", out var u) && u.ValueKind == JsonValueKind.True;
        var n = Property(request, extraBody, "n") is { ValueKind: JsonValueKind.Number } nv && nv.TryGetInt32(out var count) ? count : (int?)null;
        var (choice, named) = Property(request, extraBody, "tool_choice") switch
        {
            { ValueKind: JsonValueKind.String } s => (s.GetString() ?? "auto", null),
            { ValueKind: JsonValueKind.Object } f when f.TryGetProperty("function", out var fn) && fn.ValueKind == JsonValueKind.Object
                && fn.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String => ("function", name.GetString()),
            _ => ("auto", (string?)null),
        };
        var model = Property(request, extraBody, "model") is { ValueKind: JsonValueKind.String } m ? m.GetString() : null;
        return new WireRequest(stream, includeUsage, n, choice, named, model);
    }

    private static bool Bool(JsonElement request, JsonElement? extraBody, string name) =>
        Property(request, extraBody, name) is { ValueKind: JsonValueKind.True };

    private static JsonElement? Property(JsonElement request, JsonElement? extraBody, string name)
    {
        if (extraBody is { ValueKind: JsonValueKind.Object } extra && extra.TryGetProperty(name, out var fromExtra))
        {
            return fromExtra;
        }

        return request.ValueKind == JsonValueKind.Object && request.TryGetProperty(name, out var value) ? value : null;
    }
}
