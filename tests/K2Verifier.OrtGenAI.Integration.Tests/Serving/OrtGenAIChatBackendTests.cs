using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Backends;
using K2Verifier.Dataset;
using K2Verifier.LocalEngine.ToolCallFormats;
using K2Verifier.Normalization;
using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Integration.Tests.Guidance;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;
using K2Verifier.OrtGenAI.Serving;
using K2Verifier.Preparation;
using K2Verifier.Templates;

namespace K2Verifier.OrtGenAI.Integration.Tests.Serving;

/// <summary><see cref="OrtGenAIChatBackend"/> on the trimmed tiny-random-gpt2: responses, failures as rows, the Enforcer.</summary>
public sealed class OrtGenAIChatBackendTests : IClassFixture<TrimmedGpt2>
{
    private const string Tools = """
        [{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object",
          "properties": {"city": {"type": "string"}, "days": {"type": "integer"}}, "required": ["city", "days"]}}}]
        """;

    private readonly TrimmedGpt2 _trimmed;

    public OrtGenAIChatBackendTests(TrimmedGpt2 trimmed)
    {
        TestModels.LoadLibraries();
        _trimmed = trimmed;
    }

    [NativeFact]
    public async Task SendAsync_ChatRequest_ReturnsAChatCompletionWithTheEnginesTokenCounts()
    {
        using var backend = Backend(enforce: false);
        var body = Body("Hello there", """{"max_tokens": 12, "temperature": 0}""");

        var response = await backend.SendAsync(Request(body), CancellationToken.None);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.False(response.IsStream);
        using var json = JsonDocument.Parse(response.Body!);
        var usage = json.RootElement.GetProperty("usage");
        var prompt = ChatTemplate.Load(LocalRun.Template).Render(ChatTemplateRequest.FromInput(body, addGenerationPrompt: true));
        Assert.Equal(backend.Engine.Tokenize(prompt).Length, usage.GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(12, usage.GetProperty("completion_tokens").GetInt32());
        Assert.Equal("length", json.RootElement.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal("tiny", json.RootElement.GetProperty("model").GetString());
        var generated = await backend.Engine.GenerateAsync(prompt, new GenerationOptions { Greedy = true, MaxNewTokens = 12 });
        Assert.Equal(generated.Text, json.RootElement.GetProperty("raw_completion_text").GetString());
    }

    [NativeFact]
    public async Task SendAsync_PromptLongerThanTheContext_IsAFailed400Row()
    {
        using var backend = Backend(enforce: false);
        var body = Body(string.Join(' ', Enumerable.Repeat("the weather in Paris", 200)), """{"max_tokens": 12}""");

        var response = await backend.SendAsync(Request(body), CancellationToken.None);

        Assert.Equal(BackendFailureCategory.ContextLengthExceeded, response.Failure?.Category);
        Assert.Equal(400, response.StatusCode);
        Assert.Contains("context_length_exceeded: This model's maximum context length is 512 tokens", response.Failure!.Message);
        Assert.Contains("context_length_exceeded", JsonDocument.Parse(response.Body!).RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    [NativeFact]
    public async Task SendAsync_StreamRequest_ReturnsSseThatNormalizesWithUsageAndTimeToFirstToken()
    {
        using var backend = Backend(enforce: false);
        var body = Body("Hello there", """{"max_tokens": 10, "temperature": 0, "stream": true}""");

        var response = await backend.SendAsync(Request(body), CancellationToken.None);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        Assert.True(response.IsStream);
        Assert.EndsWith("data: [DONE]\n\n", response.Body);
        Assert.NotNull(response.TimeToFirstTokenMs);
        Assert.InRange(response.TimeToFirstTokenMs!.Value, 0, response.DurationMs);
        var normalized = ResponseNormalizer.Normalize(response.Body!, isStream: true);
        Assert.Equal("length", normalized.FinishReason);
        Assert.Equal(10, normalized.Usage!.CompletionTokens);
        Assert.Empty(normalized.Warnings);
    }

    [NativeFact]
    public async Task SendAsync_EnforceWithRequiredToolChoice_WritesValidCallsToTheDeclaredTool()
    {
        using var backend = Backend(enforce: true);
        var body = Body("Weather?", """{"temperature": 0, "tool_choice": "required"}""", Tools);

        var response = await backend.SendAsync(Request(body), CancellationToken.None);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        var normalized = ResponseNormalizer.Normalize(response.Body!, isStream: false);
        Assert.Equal("tool_calls", normalized.FinishReason);
        Assert.NotEmpty(normalized.ToolCalls!);
        foreach (var call in normalized.ToolCalls!)
        {
            Assert.Equal("get_weather", call.Name);
            var arguments = call.Arguments!.Value;
            using var parsed = JsonDocument.Parse(arguments.ValueKind == JsonValueKind.String ? arguments.GetString()! : arguments.GetRawText());
            Assert.Equal(JsonValueKind.String, parsed.RootElement.GetProperty("city").ValueKind);
            Assert.Equal(JsonValueKind.Number, parsed.RootElement.GetProperty("days").ValueKind);
        }
    }

    [NativeTheory]
    [InlineData("\"sometimes\"", "tool_choice \"sometimes\" is not auto, none, required or a function")]
    [InlineData("""{"type": "function", "function": {"name": "nope"}}""", "tool_choice names nope, which is not declared")]
    public async Task SendAsync_EnforceWithAToolChoiceItCannotHonour_IsAFailedRowNotACrash(string toolChoice, string expected)
    {
        using var backend = Backend(enforce: true);
        var body = Body("Weather?", $$"""{"tool_choice": {{toolChoice}}}""", Tools);

        var response = await backend.SendAsync(Request(body), CancellationToken.None);

        Assert.Equal(400, response.Failure?.StatusCode);
        Assert.Contains("the Enforcer cannot constrain this request: " + expected, response.Failure!.Message);
    }

    [NativeFact]
    public async Task SendAsync_GrammarGenAIRejects_IsAFailed500RowWithGenAIsMessage()
    {
        // A look-ahead pattern passes our schema check but llguidance's regex engine has no look-around.
        using var backend = Backend(enforce: true);
        const string tools = """
            [{"type": "function", "function": {"name": "f", "parameters": {"type": "object",
              "properties": {"code": {"type": "string", "pattern": "^(?=A)[A-Z]+$"}}, "required": ["code"]}}}]
            """;
        var body = Body("Code?", """{"temperature": 0, "max_tokens": 40, "tool_choice": "required"}""", tools);

        var response = await backend.SendAsync(Request(body), CancellationToken.None);

        Assert.Equal(500, response.Failure?.StatusCode);
        Assert.StartsWith("HTTP 500 (local engine): generation failed: ", response.Failure!.Message);
        Assert.True(response.Failure.Message.Length > "HTTP 500 (local engine): generation failed: ".Length + 10, response.Failure.Message);
    }

    [NativeFact]
    public async Task SendAsync_EnforceOnAModelWhoseTokenizerIsWiderThanItsLogits_IsAFailed400Row()
    {
        using var backend = UntrimmedBackend(enforce: true);
        var body = Body("a,b", """{"temperature": 0, "max_tokens": 40, "tool_choice": "required"}""", Tools);

        var response = await backend.SendAsync(Request(body), CancellationToken.None);

        Assert.Equal(400, response.Failure?.StatusCode);
        Assert.Contains("guidance needs a tokenizer no wider than the model's logits", response.Failure!.Message);
    }

    [NativeFact]
    public async Task SendAsync_PromptIdsOutsideTheModelsVocabulary_IsAFailed400Row()
    {
        using var backend = UntrimmedBackend(enforce: false);

        var response = await backend.SendAsync(Request(Body("The tokenizer knows this sentence", "{}")), CancellationToken.None);

        Assert.Equal(400, response.Failure?.StatusCode);
        Assert.Contains("outside the model's vocabulary of 1000", response.Failure!.Message);
    }

    private OrtGenAIChatBackend Backend(bool enforce) => new(
        OrtGenAIEngine.Load(_trimmed.Path),
        ChatTemplate.Load(LocalRun.Template),
        ToolCallFormatRegistry.Get("hermes"),
        new OrtGenAIChatBackendOptions { ModelName = "tiny", Enforce = enforce });

    /// <summary>On the original tiny-random-gpt2, whose tokenizer (50,295 ids) is wider than its 1000 logits.</summary>
    private static OrtGenAIChatBackend UntrimmedBackend(bool enforce) => new(
        OrtGenAIEngine.Load(TestModels.Gpt2),
        ChatTemplate.FromText("{{ messages[0].content }}"),
        ToolCallFormatRegistry.Get("hermes"),
        new OrtGenAIChatBackendOptions { ModelName = "tiny", Enforce = enforce });

    private static JsonObject Body(string user, string settings, string? tools = null)
    {
        var body = JsonNode.Parse(settings)!.AsObject();
        body["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = user });
        if (tools is not null)
        {
            body["tools"] = JsonNode.Parse(tools);
        }

        return body;
    }

    private static PreparedRequest Request(JsonObject body) => new(
        1, new SourceLocation("test.jsonl", 1), body.ToJsonString(), "{}", body.ToJsonString(), "hash", body["stream"] is not null, []);
}
