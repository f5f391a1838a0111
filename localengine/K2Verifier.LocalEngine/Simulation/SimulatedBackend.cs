using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Backends;
using K2Verifier.LocalEngine.Serving;
using K2Verifier.LocalEngine.ToolCallFormats;
using K2Verifier.Preparation;
using K2Verifier.Templates;

namespace K2Verifier.LocalEngine.Simulation;

/// <summary>
/// A simulated deployment behind <see cref="IChatBackend"/>: the real render step (a Kimi-K2-format chat template),
/// the <see cref="PolicyModel"/> in place of a model, and the real parse step, with the profile's faults injected at
/// the layer where they occur. Returns the raw chat.completion body (or SSE text for stream requests) exactly as an
/// HTTP deployment would, so normalisation, validation, the journal and metrics are shared with real runs.
/// </summary>
public sealed class SimulatedBackend : IChatBackend
{
    private readonly ExpectedLabels _labels;
    private readonly long _seed;
    private readonly TimeProvider _time;
    private readonly PolicyModel _policy;
    private readonly SimulatedTransport _transport;

    /// <summary>Creates the simulator.</summary>
    /// <param name="profile">Which faults to inject.</param>
    /// <param name="labels">The labels the policy follows.</param>
    /// <param name="seed">Seeds every draw.</param>
    /// <param name="time">Clock and timers (the <c>slow</c> profile waits on it); default: the system's.</param>
    public SimulatedBackend(SimulationProfile profile, ExpectedLabels labels, long seed = 0, TimeProvider? time = null)
    {
        Profile = profile ?? throw new ArgumentNullException(nameof(profile));
        _labels = labels ?? throw new ArgumentNullException(nameof(labels));
        _seed = seed;
        _time = time ?? TimeProvider.System;
        _policy = new PolicyModel(seed, profile.Enforcer, profile.ArgumentDriftRate);
        _transport = new SimulatedTransport(profile, seed, _time);
    }

    /// <summary>The profile.</summary>
    public SimulationProfile Profile { get; }

    /// <summary>The seed of every draw.</summary>
    public long Seed => _seed;

    /// <inheritdoc />
    public async Task<BackendResponse> SendAsync(PreparedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.ParseWireBody() is { ValueKind: JsonValueKind.Object } wire ? JsonObject.Create(wire)! : [];
        if (RequestChecks.Find(body) is { } refusal)
        {
            return new BackendResponse
            {
                StatusCode = 400,
                Body = RequestChecks.ErrorBody(refusal.Param, refusal.Message),
                Failure = new BackendFailure(BackendFailureCategory.HttpStatus, $"400 Bad Request: {refusal.Message}", 400),
            };
        }

        var result = Respond(body, request.DataIndex, request.Tools, request.Stream);
        return await _transport.DeliverAsync(request.DataIndex, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The prompt the profile's render step produces for a chat-completion <paramref name="body"/>.</summary>
    public string Render(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var messages = body["messages"] is JsonArray list ? (JsonArray)list.DeepClone() : [];
        if (Profile.PromoteEmptyContent)
        {
            foreach (var message in messages.OfType<JsonObject>())
            {
                if (message["content"] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length == 0)
                {
                    message["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = string.Empty });
                }
            }
        }

        var template = Profile.PromoteEmptyContent ? SimulatorTemplates.KimiForStrings : SimulatorTemplates.Kimi;
        return template.Render(new ChatTemplateRequest
        {
            Messages = messages,
            Tools = body["tools"] is JsonArray tools && tools.Count > 0 ? (JsonArray)tools.DeepClone() : null,
            AddGenerationPrompt = !Profile.DropGenerationPrompt,
        });
    }

    /// <summary>Runs render → complete → parse for one request body and returns what the server would send.</summary>
    public SimulatedResponse Respond(JsonObject body, int dataIndex, IReadOnlyList<ToolDeclaration> tools, bool stream)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(tools);
        var prompt = Render(body);
        var input = new PolicyInput(dataIndex, prompt, _labels.For(dataIndex), tools, ToolChoice(body["tool_choice"]));
        var completion = _policy.Complete(input);
        var cap = Math.Min(Profile.GenerationTokenCap ?? int.MaxValue, MaxTokens(body));
        var hitLength = false;
        if (ServerResponse.EstimateTokens(completion) > cap)
        {
            completion = Cut(completion, cap);
            hitLength = true;
        }

        var eos = false;
        if (Profile.EarlyEosInCall && completion.LastIndexOf(CallEnd, StringComparison.Ordinal) is var end and >= 0)
        {
            completion = completion[..end];
            eos = true;
        }

        var parsed = FinishReasonRule.Apply(completion, KimiK2ToolCallFormat.Instance, Profile.ParserMode, hitLength ? "length" : "stop");
        var (content, calls, finish) = (parsed.Content, parsed.Calls, parsed.FinishReason);
        (content, finish) = ServeFaults(completion, content, finish, eos);
        var id = $"chatcmpl-sim-{dataIndex}";
        var created = _time.GetUtcNow().ToUnixTimeSeconds();
        var model = body["model"]?.GetValueKind() == JsonValueKind.String ? body["model"]!.GetValue<string>() : "kimi-k2-sim";
        var promptTokens = SimulatorTokenizer.Count(prompt);
        var completionTokens = Math.Max(1, ServerResponse.EstimateTokens(completion));
        var text = stream
            ? ServerResponse.Stream(id, created, model, content, calls, finish, promptTokens, completionTokens)
            : ServerResponse.ChatCompletion(id, created, model, content, calls, finish, promptTokens, completionTokens);
        return new SimulatedResponse(prompt, completion, text, stream, completionTokens) { Parse = parsed.Report };
    }

    private const string CallEnd = "<|tool_call_end|>";

    /// <summary>The profile's parse- and serve-layer faults applied to what the parser returned.</summary>
    private (string? Content, string Finish) ServeFaults(string completion, string? content, string finish, bool eos)
    {
        if (eos)
        {
            // Generation ended on the stop token, so the server reports stop; the unfinished call stays text.
            finish = "stop";
        }

        if (Profile.LeakSectionBegin && finish == "tool_calls" && completion.IndexOf("<|tool_call_begin|>", StringComparison.Ordinal) is var first and >= 0)
        {
            // The parser's content already holds any text before the section; the leak adds the section marker after it.
            var leaked = completion[..first];
            var preamble = leaked.Split("<|tool_calls_section_begin|>")[0];
            content = leaked + (content is not null && content.StartsWith(preamble, StringComparison.Ordinal) ? content[preamble.Length..] : content);
        }

        if (Profile.StopReasonSuffix is { } suffix && finish == "stop")
        {
            finish += suffix;
        }

        return (content, finish);
    }

    private static string ToolChoice(JsonNode? choice) => choice switch
    {
        JsonValue value when value.TryGetValue<string>(out var mode) => mode,
        JsonObject named when named["function"]?["name"] is JsonValue name && name.TryGetValue<string>(out var function) => function,
        _ => "auto",
    };

    private static int MaxTokens(JsonObject body) =>
        body["max_tokens"] is JsonValue value && value.TryGetValue<int>(out var max) && max > 0 ? max : int.MaxValue;

    private static string Cut(string completion, int tokens)
    {
        var length = 0;
        while (length < completion.Length && ServerResponse.EstimateTokens(completion[..(length + 1)]) <= tokens)
        {
            length++;
        }

        return completion[..length];
    }
}

/// <summary>One simulated response before transport faults.</summary>
/// <param name="Prompt">The rendered prompt.</param>
/// <param name="Completion">The completion text as generated (cut when it hit the limit).</param>
/// <param name="Body">The chat.completion body, or the SSE text for a stream.</param>
/// <param name="IsStream">True for SSE.</param>
/// <param name="CompletionTokens">Estimated generated tokens (drives the slow profile's latency).</param>
public sealed record SimulatedResponse(string Prompt, string Completion, string Body, bool IsStream, int CompletionTokens)
{
    /// <summary>What the server-side parse changed (the row's <c>parse</c>).</summary>
    public K2Verifier.Results.ParseReport? Parse { get; init; }
}
