using System.Text.Json;
using K2Verifier.Dataset;

namespace K2Verifier.Preparation;

/// <summary>
/// A dataset record ready to send: the K2VV-prepared request (model and overrides applied, <c>_input</c> sent as
/// <c>system</c>), the extra body merged on the wire, and the K2VV hash of the prepared request.
/// </summary>
/// <param name="DataIndex">1-based physical line number in the dataset (K2VV's data_index).</param>
/// <param name="Location">Source file and line.</param>
/// <param name="RequestJson">The prepared request as compact JSON (what results.jsonl records as <c>request</c>).</param>
/// <param name="ExtraBodyJson">The <c>--extra-body</c> object as compact JSON (<c>{}</c> when none).</param>
/// <param name="WireBodyJson">The body sent: the prepared request with the extra body merged in.</param>
/// <param name="Hash">md5 of the prepared request serialised like Python's <c>json.dumps(sort_keys=True, ensure_ascii=False)</c>.</param>
/// <param name="Stream">True when the request asks for a stream (<c>"stream": true</c>).</param>
/// <param name="Tools">The tools declared in the request, in order.</param>
/// <param name="Model">The request's <c>model</c> after overrides, when it names one.</param>
public sealed record PreparedRequest(
    int DataIndex,
    SourceLocation Location,
    string RequestJson,
    string ExtraBodyJson,
    string WireBodyJson,
    string Hash,
    bool Stream,
    IReadOnlyList<ToolDeclaration> Tools,
    string? Model = null)
{
    private readonly ReadOnlyMemory<byte> _wireBodyUtf8;
    private readonly string? _wireBodyUtf8Source;
    private readonly JsonElement _requestBody;
    private readonly string? _requestBodySource;

    /// <summary>
    /// <see cref="WireBodyJson"/> as UTF-8, when whoever prepared the request kept the bytes (so the HTTP backend
    /// sends them without encoding the string again); empty otherwise. The bytes stay bound to the string they encode:
    /// a copy made with another <see cref="WireBodyJson"/> (<c>with { WireBodyJson = … }</c>) has none. Default: empty.
    /// </summary>
    public ReadOnlyMemory<byte> WireBodyUtf8
    {
        get => ReferenceEquals(_wireBodyUtf8Source, WireBodyJson) ? _wireBodyUtf8 : default;
        init
        {
            _wireBodyUtf8 = value;
            _wireBodyUtf8Source = WireBodyJson;
        }
    }

    /// <summary>
    /// <see cref="RequestJson"/> as preparation parsed it (an element of a document that needs no disposing), so the
    /// wire checks and the simulator read it without parsing it again; <see cref="JsonValueKind.Undefined"/> when
    /// whoever made the request did not keep it. Bound to the string like <see cref="WireBodyUtf8"/>. Default: undefined.
    /// </summary>
    public JsonElement RequestBody
    {
        get => ReferenceEquals(_requestBodySource, RequestJson) ? _requestBody : default;
        init
        {
            _requestBody = value;
            _requestBodySource = RequestJson;
        }
    }

    /// <summary><see cref="RequestJson"/> parsed: <see cref="RequestBody"/> when it was kept, else parsed here.</summary>
    public JsonElement ParseRequestBody() =>
        RequestBody.ValueKind != JsonValueKind.Undefined ? RequestBody : JsonElement.Parse(RequestJson, Json.JsonText.DeepDocument);

    /// <summary>
    /// <see cref="WireBodyJson"/> parsed: <see cref="RequestBody"/> when nothing was merged into the wire body (the two
    /// strings are the same), else parsed here.
    /// </summary>
    public JsonElement ParseWireBody() =>
        ReferenceEquals(WireBodyJson, RequestJson) && RequestBody.ValueKind != JsonValueKind.Undefined
            ? RequestBody
            : JsonElement.Parse(WireBodyJson);
}
