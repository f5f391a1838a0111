using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Dataset;
using K2Verifier.LocalEngine.ToolCallFormats;
using K2Verifier.Normalization;
using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Integration.Tests.Guidance;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;
using K2Verifier.OrtGenAI.Serving;
using K2Verifier.Preparation;
using K2Verifier.Templates;
using K2Verifier.Validation;

namespace K2Verifier.OrtGenAI.Integration.Tests.Serving;

/// <summary>
/// Formats made of special tokens (Kimi K2, DeepSeek V3) through <see cref="OrtGenAIChatBackend"/>: GenAI's decoder
/// drops special tokens, so the backend must write the markers back for the format's parser to find the calls.
/// </summary>
public sealed class SpecialTokenMarkersTests : IClassFixture<EnforcerGpt2>
{
    private static readonly JsonObject Parameters = JsonNode.Parse("""
        {"type": "object", "properties": {"city": {"type": "string"}, "days": {"type": "integer"}}, "required": ["city", "days"]}
        """)!.AsObject();

    private readonly EnforcerGpt2 _models;

    public SpecialTokenMarkersTests(EnforcerGpt2 models)
    {
        TestModels.LoadLibraries();
        _models = models;
    }

    [NativeTheory]
    [InlineData("kimi-k2", false)]
    [InlineData("kimi-k2", true)]
    [InlineData("deepseek-v3", false)]
    [InlineData("deepseek-v3", true)]
    public async Task SendAsync_EnforcedCallInAFormatOfSpecialTokens_ParsedIntoAValidToolCall(string format, bool stream)
    {
        using var engine = OrtGenAIEngine.Load(_models.TokenMarkersPath);
        Assert.Equal(_models.SpecialTokens["<|tool_call_begin|>"], engine.SpecialTokens["<|tool_call_begin|>"]);
        using var backend = new OrtGenAIChatBackend(
            engine,
            ChatTemplate.FromText("{{ messages[0].content }}"),
            ToolCallFormatRegistry.Get(format),
            new OrtGenAIChatBackendOptions { ModelName = "tiny", Enforce = true });
        var body = new JsonObject
        {
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Weather?" }),
            ["tools"] = new JsonArray(new JsonObject { ["type"] = "function", ["function"] = new JsonObject { ["name"] = "get_weather", ["parameters"] = Parameters.DeepClone() } }),
            ["tool_choice"] = "required",
            ["temperature"] = 1.0,
            ["seed"] = 7,
            ["max_tokens"] = 200,
            ["stream"] = stream,
        };

        var response = await backend.SendAsync(
            new PreparedRequest(1, new SourceLocation("test.jsonl", 1), body.ToJsonString(), "{}", body.ToJsonString(), "hash", stream, []),
            CancellationToken.None);

        Assert.True(response.IsSuccess, response.Failure?.Message);
        var normalized = ResponseNormalizer.Normalize(response.Body!, isStream: stream);
        Assert.Equal("tool_calls", normalized.FinishReason);
        Assert.NotEmpty(normalized.ToolCalls!);
        foreach (var call in normalized.ToolCalls!)
        {
            Assert.Equal("get_weather", call.Name);
            var arguments = call.Arguments!.Value;
            using var instance = JsonDocument.Parse(arguments.ValueKind == JsonValueKind.String ? arguments.GetString()! : arguments.GetRawText());
            using var schema = JsonDocument.Parse(Parameters.ToJsonString());
            Assert.True(JsonSchemaValidator.Default.Validate(schema.RootElement, instance.RootElement).IsValid, arguments.GetRawText());
        }
    }

    [NativeFact]
    public void DetokenizeKeepingSpecialTokens_WritesMarkersThatGenAIsDecoderDrops()
    {
        using var engine = OrtGenAIEngine.Load(_models.TokenMarkersPath);
        int[] ids = [.. engine.Tokenize("ab"), _models.SpecialTokens["<|tool_call_end|>"], .. engine.Tokenize("cd")];

        Assert.Equal("abcd", engine.Detokenize(ids));
        Assert.Equal("ab<|tool_call_end|>cd", engine.DetokenizeKeepingSpecialTokens(ids));
    }
}
