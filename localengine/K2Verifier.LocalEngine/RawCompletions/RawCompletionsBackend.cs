using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Backends;
using K2Verifier.LocalEngine.Serving;
using K2Verifier.LocalEngine.ToolCallFormats;
using K2Verifier.Preparation;
using K2Verifier.Templates;

namespace K2Verifier.LocalEngine.RawCompletions;

/// <summary>
/// K2-Vendor-Verifier's <c>--use-raw-completions</c> mode without Python: each chat request is rendered locally with a
/// chat template (and <c>add_generation_prompt</c>), sent as <c>{"model", "prompt", "max_tokens", "temperature"}</c> to
/// <c>/completions</c> through an inner backend configured with <see cref="HttpBackendOptions.UseRawCompletions"/>,
/// and the returned <c>choices[0].text</c> is parsed with a tool-call format (lenient) and <see cref="FinishReasonRule"/>
/// into a chat.completion body, which also keeps the raw text as <c>raw_completion_text</c>; the response's
/// <see cref="BackendResponse.Parse"/> keeps the server's own finish_reason and what the parse changed. The completions request is never streamed.
/// </summary>
public sealed class RawCompletionsBackend : IChatBackend, IDisposable
{
    private readonly IChatBackend _inner;
    private readonly ChatTemplate _template;
    private readonly IToolCallFormat _format;

    /// <summary>Creates the backend.</summary>
    /// <param name="inner">Sends to <c>/completions</c> (an <see cref="HttpChatBackend"/> with UseRawCompletions).</param>
    /// <param name="template">Renders the chat request into a prompt.</param>
    /// <param name="format">Parses the completion's tool calls.</param>
    public RawCompletionsBackend(IChatBackend inner, ChatTemplate template, IToolCallFormat format)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _template = template ?? throw new ArgumentNullException(nameof(template));
        _format = format ?? throw new ArgumentNullException(nameof(format));
    }

    /// <summary>The completions body for a chat request body (the prompt rendered with the generation prompt).</summary>
    public string CompletionsBody(JsonObject chatBody)
    {
        ArgumentNullException.ThrowIfNull(chatBody);
        var request = ChatTemplateRequest.FromInput(chatBody, addGenerationPrompt: true);
        var prompt = _template.Render(request with { Variables = null });
        var body = new JsonObject { ["model"] = chatBody["model"]?.DeepClone(), ["prompt"] = prompt };
        foreach (var key in new[] { "max_tokens", "temperature" })
        {
            if (chatBody[key] is { } value)
            {
                body[key] = value.DeepClone();
            }
        }

        return body.ToJsonString();
    }

    /// <inheritdoc />
    public async Task<BackendResponse> SendAsync(PreparedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chatBody = request.ParseWireBody() is { ValueKind: JsonValueKind.Object } chat ? JsonObject.Create(chat)! : [];
        string wire;
        try
        {
            wire = CompletionsBody(chatBody);
        }
        catch (Exception ex) when (ex is TemplateException or ArgumentException)
        {
            return new BackendResponse { Failure = new BackendFailure(BackendFailureCategory.MalformedJson, $"the chat template could not render the request: {ex.Message}") };
        }

        var response = await _inner.SendAsync(request with { WireBodyJson = wire, Stream = false }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess || response.Body is null)
        {
            return response;
        }

        return ToChat(response, chatBody);
    }

    /// <inheritdoc />
    public void Dispose() => (_inner as IDisposable)?.Dispose();

    private BackendResponse ToChat(BackendResponse response, JsonObject chatBody)
    {
        JsonObject completions;
        try
        {
            completions = JsonNode.Parse(response.Body!) as JsonObject ?? [];
        }
        catch (JsonException ex)
        {
            return response with { Failure = new BackendFailure(BackendFailureCategory.MalformedJson, $"the completions body is not JSON: {ex.Message}", response.StatusCode) };
        }

        var choice = completions["choices"] is JsonArray { Count: > 0 } choices ? choices[0] as JsonObject : null;
        if (choice?["text"] is not JsonValue textValue || !textValue.TryGetValue<string>(out var text))
        {
            return response with { Failure = new BackendFailure(BackendFailureCategory.MalformedJson, "the completions body has no choices[0].text", response.StatusCode) };
        }

        var vendorFinish = choice["finish_reason"] is JsonValue f && f.TryGetValue<string>(out var finish) ? finish : null;
        var parsed = FinishReasonRule.Apply(text, _format, ParseMode.Lenient, vendorFinish);
        var usage = completions["usage"] as JsonObject;
        var body = JsonNode.Parse(ServerResponse.ChatCompletion(
            completions["id"]?.ToString() ?? "cmpl-raw",
            completions["created"] is JsonValue c && c.TryGetValue<long>(out var created) ? created : 0,
            completions["model"]?.ToString() ?? chatBody["model"]?.ToString() ?? string.Empty,
            parsed.Content,
            parsed.Calls,
            parsed.FinishReason,
            Count(usage, "prompt_tokens"),
            Count(usage, "completion_tokens")))!.AsObject();
        body["raw_completion_text"] = text;
        return response with { Body = body.ToJsonString(), IsStream = false, Parse = parsed.Report };
    }

    private static int Count(JsonObject? usage, string key) =>
        usage?[key] is JsonValue value && value.TryGetValue<int>(out var count) ? count : 0;
}
