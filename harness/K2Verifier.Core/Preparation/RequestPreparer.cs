using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Dataset;
using K2Verifier.Json;

namespace K2Verifier.Preparation;

/// <summary>
/// Turns a dataset record into the request K2VV would send: <c>_input</c> messages become <c>system</c>, <c>model</c>,
/// <c>temperature</c> and <c>max_tokens</c> are overridden when given, streams ask for usage, and the hash is md5 of
/// the prepared request as Python's <c>json.dumps(sort_keys=True, ensure_ascii=False)</c> writes it.
/// </summary>
public sealed class RequestPreparer
{
    private readonly PreparationOptions _options;
    private readonly string _extraBodyJson;

    public RequestPreparer(PreparationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _extraBodyJson = JsonText.Serialize(options.ExtraBody ?? []);
    }

    /// <summary>Prepares a valid record (see <see cref="DatasetRecord.IsValid"/>).</summary>
    public PreparedRequest Prepare(DatasetRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.IsValid)
        {
            throw new ArgumentException($"{record.Describe()} cannot be prepared", nameof(record));
        }

        var original = record.Element.ValueKind == JsonValueKind.Object ? record.Element : JsonElement.Parse(record.Json!);
        if (_options.NormalizeToolIds && record.Body is { } body && body["messages"] is JsonArray messages)
        {
            ToolIdNormalizer.Normalize(messages);
            original = JsonElement.Parse(JsonText.Serialize(body));
        }

        // The line parsed once (by the reader, or here for a record made without it), and the prepared request once
        // (for the hash, tools and model; kept on the request for the wire checks and the simulator).
        var requestBytes = PreparedRequestWriter.Write(original, _options);
        var root = JsonElement.Parse(requestBytes);
        var wireBytes = _options.ExtraBody is { Count: > 0 } extra ? PreparedRequestWriter.Merge(root, extra) : requestBytes;

        // The texts stay UTF-8: rows are written from the bytes, and the strings are made only if someone asks.
        var (hash, identity) = RequestIdentity.HashAndIdentity(root);
        return new PreparedRequest(
            record.DataIndex,
            record.Location,
            RequestJson: null!,
            _extraBodyJson,
            WireBodyJson: null!,
            hash,
            root.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True,
            ReadTools(root),
            ReadModel(root))
        {
            RequestUtf8 = requestBytes,
            WireBodyUtf8 = wireBytes,
            RequestBody = root,
            Identity = identity,
        };
    }

    /// <summary>K2VV's request hash: md5 (hex) of the Python-style serialisation.</summary>
    public static string Hash(JsonElement request) => PythonJson.Md5Hex(request);

    /// <summary>The request's <c>model</c>, when it names one.</summary>
    public static string? ReadModel(JsonElement request) =>
        request.ValueKind == JsonValueKind.Object && request.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String
            ? model.GetString()
            : null;

    /// <summary>The tools declared in a request, in order (entries without a function name are left out).</summary>
    public static IReadOnlyList<ToolDeclaration> ReadTools(JsonElement request)
    {
        if (request.ValueKind != JsonValueKind.Object
            || !request.TryGetProperty("tools", out var tools)
            || tools.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var declarations = new List<ToolDeclaration>(tools.GetArrayLength());
        foreach (var tool in tools.EnumerateArray())
        {
            if (tool.ValueKind == JsonValueKind.Object
                && tool.TryGetProperty("function", out var function)
                && function.ValueKind == JsonValueKind.Object
                && function.TryGetProperty("name", out var name)
                && name.ValueKind == JsonValueKind.String)
            {
                JsonElement? parameters = function.TryGetProperty("parameters", out var p) && p.ValueKind != JsonValueKind.Null
                    ? p.Clone()
                    : null;
                declarations.Add(new ToolDeclaration(name.GetString()!, parameters));
            }
        }

        return declarations;
    }
}
