using System.Security.Cryptography;
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
        if (record.Body is null)
        {
            throw new ArgumentException($"{record.Describe()} cannot be prepared", nameof(record));
        }

        var body = (JsonObject)record.Body.DeepClone();
        ApplyOverrides(body);
        var requestJson = JsonText.Serialize(body);
        using var document = JsonDocument.Parse(requestJson);
        var root = document.RootElement;
        return new PreparedRequest(
            record.DataIndex,
            record.Location,
            requestJson,
            _extraBodyJson,
            WireBody(body, requestJson),
            Hash(root),
            IsStream(body),
            ReadTools(root),
            root.TryGetProperty("model", out var model) && model.ValueKind == JsonValueKind.String ? model.GetString() : null);
    }

    /// <summary>K2VV's request hash: md5 (hex) of the Python-style serialisation.</summary>
#pragma warning disable CA5351 // md5 is K2VV's row identity for incremental runs, not a security measure.
    public static string Hash(JsonElement request) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(PythonJson.Dumps(request))));
#pragma warning restore CA5351

    /// <summary>The request's <c>model</c>, when it names one.</summary>
    public static string? ReadModel(string requestJson)
    {
        using var document = JsonDocument.Parse(requestJson);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("model", out var model)
            && model.ValueKind == JsonValueKind.String
            ? model.GetString()
            : null;
    }

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

    private void ApplyOverrides(JsonObject body)
    {
        if (body["messages"] is JsonArray messages)
        {
            foreach (var message in messages.OfType<JsonObject>())
            {
                if (message["role"] is JsonValue role && role.TryGetValue<string>(out var name) && name == "_input")
                {
                    message["role"] = "system";
                }
            }

            if (_options.NormalizeToolIds)
            {
                ToolIdNormalizer.Normalize(messages);
            }
        }

        if (!string.IsNullOrEmpty(_options.Model))
        {
            body["model"] = _options.Model;
        }

        if (_options.Temperature is { } temperature)
        {
            // argparse gives K2VV a float: 1 is hashed as 1.0.
            body["temperature"] = JsonNode.Parse(PythonFloat.Repr(temperature));
        }

        if (_options.MaxTokens is { } maxTokens)
        {
            body["max_tokens"] = maxTokens;
        }

        if (IsStream(body))
        {
            if (body["stream_options"] is JsonObject streamOptions)
            {
                streamOptions["include_usage"] = true;
            }
            else
            {
                body["stream_options"] = new JsonObject { ["include_usage"] = true };
            }
        }
    }

    private string WireBody(JsonObject prepared, string requestJson)
    {
        if (_options.ExtraBody is not { Count: > 0 } extra)
        {
            return requestJson;
        }

        foreach (var (key, value) in extra)
        {
            prepared[key] = value?.DeepClone();
        }

        return JsonText.Serialize(prepared);
    }

    private static bool IsStream(JsonObject body) =>
        body["stream"] is JsonValue stream && stream.GetValueKind() == JsonValueKind.True;
}
