using System.Text.Json;
using K2Verifier.Json;
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
    private Utf8Text _request = new(RequestJson);
    private Utf8Text _wireBody = new(WireBodyJson);
    private JsonElement _requestBody;
    private string? _identity;

    /// <summary>
    /// The prepared request as compact JSON (what results.jsonl records as <c>request</c>). A request prepared from
    /// bytes (<see cref="RequestUtf8"/>) decodes it on first use; setting it drops <see cref="RequestUtf8"/>,
    /// <see cref="RequestBody"/> and <see cref="Identity"/>, which belong to the text it replaces.
    /// </summary>
    public string RequestJson
    {
        get => _request.Text;
        init
        {
            _request.Text = value;
            _requestBody = default;
            _identity = null;
        }
    }

    /// <summary>
    /// The body sent: the prepared request with the extra body merged in. Decoded from <see cref="WireBodyUtf8"/> on first
    /// use when the request was prepared from bytes; setting it drops <see cref="WireBodyUtf8"/>.
    /// </summary>
    public string WireBodyJson
    {
        get => _wireBody.Text;
        init => _wireBody.Text = value;
    }

    /// <summary>
    /// <see cref="RequestJson"/> as UTF-8, when whoever prepared the request made it from bytes (results rows are written
    /// from them, and <see cref="RequestJson"/> needs no string until someone asks); empty otherwise. Setting bytes makes
    /// <see cref="RequestJson"/> their text. Default: empty.
    /// </summary>
    public ReadOnlyMemory<byte> RequestUtf8
    {
        get => _request.Utf8;
        init => _request.Utf8 = value;
    }

    /// <summary><see cref="RequestJson"/> as held (a string or its UTF-8), for a row made from this request.</summary>
    internal Utf8Text RequestText => _request;

    /// <summary>
    /// <see cref="WireBodyJson"/> as UTF-8, when whoever prepared the request kept the bytes (so the HTTP backend sends
    /// them without encoding the string again); empty otherwise. Setting bytes makes <see cref="WireBodyJson"/> their
    /// text; a copy made with another <see cref="WireBodyJson"/> (<c>with { WireBodyJson = … }</c>) has none. Default:
    /// empty.
    /// </summary>
    public ReadOnlyMemory<byte> WireBodyUtf8
    {
        get => _wireBody.Utf8;
        init => _wireBody.Utf8 = value;
    }

    /// <summary>
    /// <see cref="RequestJson"/> as preparation parsed it (an element of a document that needs no disposing), so the
    /// wire checks and the simulator read it without parsing it again; <see cref="JsonValueKind.Undefined"/> when
    /// whoever made the request did not keep it, or a copy set another <see cref="RequestJson"/>. Default: undefined.
    /// </summary>
    public JsonElement RequestBody
    {
        get => _requestBody;
        init => _requestBody = value;
    }

    /// <summary>
    /// The request's <see cref="RequestIdentity"/>, when whoever prepared it computed it with the hash; null otherwise (then
    /// it is computed from <see cref="RequestBody"/> when needed). Bound to <see cref="RequestJson"/> like
    /// <see cref="RequestBody"/>. Default: null.
    /// </summary>
    public string? Identity
    {
        get => _identity;
        init => _identity = value;
    }

    /// <summary><see cref="RequestJson"/> parsed: <see cref="RequestBody"/> when it was kept, else parsed here.</summary>
    public JsonElement ParseRequestBody() =>
        RequestBody.ValueKind != JsonValueKind.Undefined ? RequestBody : JsonElement.Parse(RequestJson, Json.JsonText.DeepDocument);

    /// <summary>
    /// <see cref="WireBodyJson"/> parsed: <see cref="RequestBody"/> when nothing was merged into the wire body (the
    /// same bytes or the same string), else parsed here.
    /// </summary>
    public JsonElement ParseWireBody() =>
        WireIsRequest && RequestBody.ValueKind != JsonValueKind.Undefined
            ? RequestBody
            : JsonElement.Parse(WireBodyJson);

    /// <summary>True when the wire body is the prepared request itself (nothing merged): the same bytes, or the same string.</summary>
    private bool WireIsRequest => _wireBody.IsSameAs(_request);
}
