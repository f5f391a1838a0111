using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Guidance;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;
using K2Verifier.Validation;
using Xunit.Abstractions;

namespace K2Verifier.OrtGenAI.Integration.Tests.Guidance;

/// <summary>
/// The Enforcer's groundwork on the random-weight tiny GPT-2 (1000 logits, a 50,295-id tokenizer). Guidance runs on a
/// copy whose tokenizer is trimmed to the 1000 ids the model has logits for (see <see cref="VocabularyTrimmer"/>).
/// </summary>
public sealed class GuidedGenerationTests : IClassFixture<TrimmedGpt2>
{
    private readonly TrimmedGpt2 _trimmed;
    private readonly ITestOutputHelper _output;

    private static readonly ToolDefinition Weather = new("get_weather", JsonNode.Parse("""
        {"type": "object",
         "properties": {"city": {"type": "string"}, "days": {"type": "integer", "minimum": 1, "maximum": 14},
                        "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}, "hourly": {"type": "boolean"}},
         "required": ["city", "days", "unit"]}
        """)!.AsObject());

    private static readonly ToolDefinition Search = new("search", JsonNode.Parse("""
        {"type": "object", "properties": {"query": {"type": "string"}, "limit": {"type": "number"},
                                          "filters": {"type": "array", "items": {"type": "string"}}},
         "required": ["query", "filters"]}
        """)!.AsObject());

    public GuidedGenerationTests(TrimmedGpt2 trimmed, ITestOutputHelper output)
    {
        _output = output;
        TestModels.LoadLibraries();
        _trimmed = trimmed;
    }

    [NativeFact]
    public async Task GenerateAsync_ToolCallGrammar_EveryCallParsesAndMatchesItsSchema()
    {
        using var engine = OrtGenAIEngine.Load(_trimmed.Path);
        var guidance = ToolCallGrammar.Guidance([Weather, Search]);
        var names = new HashSet<string>();

        for (var seed = 1; seed <= 8; seed++)
        {
            var options = new GenerationOptions { MaxNewTokens = 400, Temperature = 1.0, Seed = seed, Guidance = guidance };
            var result = await engine.GenerateAsync([10, 20, 30], options);

            Assert.Equal(GenerationFinishReason.Stop, result.FinishReason);
            _output.WriteLine($"seed {seed}: {result.CompletionTokenCount} tokens: {result.Text}");
            var json = Unwrap(result.Text);
            using var call = JsonDocument.Parse(json);
            var name = call.RootElement.GetProperty("name").GetString()!;
            var tool = name == Weather.Name ? Weather : name == Search.Name ? Search : throw new Xunit.Sdk.XunitException($"undeclared tool {name}");
            using var schema = JsonDocument.Parse(tool.Parameters!.ToJsonString());
            var verdict = JsonSchemaValidator.Default.Validate(schema.RootElement, call.RootElement.GetProperty("arguments"));
            Assert.True(verdict.IsValid, $"seed {seed}: {json}: {string.Join("; ", verdict.Errors)}");
            names.Add(name);
        }

        Assert.NotEmpty(names);
    }

    [NativeFact]
    public async Task GenerateAsync_FullTokenizerWithGrammar_RefusedBeforeGenerating()
    {
        // GenAI sizes llguidance's masks to vocab_size (1000) but llguidance forces literals through the full tokenizer
        // ("<tool_call>" as '<' then 'tool', id 25981): GenAI then fails in the model or, with fast-forward, crashes
        // the process. The engine refuses guidance on such a model instead.
        using var engine = OrtGenAIEngine.Load(TestModels.Gpt2);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            engine.GenerateAsync([10, 20, 30], new GenerationOptions { Greedy = true, MaxNewTokens = 50, Guidance = ToolCallGrammar.Guidance([Weather]) }));

        Assert.StartsWith("guidance needs a tokenizer no wider than the model's logits: the tokenizer has 50295 ids, the model 1000", ex.Message);
    }

    [NativeFact]
    public void CreateTrimmedCopy_Gpt2_KeepsTheFirst1000IdsAndTextStillRoundTrips()
    {
        using var engine = OrtGenAIEngine.Load(_trimmed.Path);
        const string text = "The weather in Paris: 北京 25°C";

        var tokens = engine.Tokenize(text);

        Assert.Equal(1000, _trimmed.KeptTokens);
        Assert.All(tokens, id => Assert.InRange(id, 0, 999));
        Assert.Equal(text, engine.Detokenize(tokens));
    }

    [NativeFact]
    public async Task GenerateAsync_WithoutGuidance_TheSameModelProducesNoToolCall()
    {
        using var engine = OrtGenAIEngine.Load(TestModels.Gpt2);

        var result = await engine.GenerateAsync([10, 20, 30], new GenerationOptions { MaxNewTokens = 60, Temperature = 1.0, Seed = 1 });

        Assert.DoesNotContain("<tool_call>{\"name\": ", result.Text);
    }

    [NativeFact]
    public async Task GenerateAsync_GreedyWithGrammar_EndsWithinTheTokenBudget()
    {
        using var engine = OrtGenAIEngine.Load(_trimmed.Path);

        // Greedy decoding on random weights is the worst case: it repeats the likeliest token wherever the grammar lets it.
        var result = await engine.GenerateAsync([10, 20, 30], new GenerationOptions { Greedy = true, MaxNewTokens = 400, Guidance = ToolCallGrammar.Guidance([Weather, Search]) });

        Assert.Equal(GenerationFinishReason.Stop, result.FinishReason);
        Assert.All(result.TokenIds, id => Assert.InRange(id, 0, engine.VocabularySize - 1));
        Assert.StartsWith("<tool_call>{\"name\": ", result.Text);
    }

    private static string Unwrap(string text)
    {
        Assert.StartsWith("<tool_call>", text);
        Assert.EndsWith("</tool_call>", text);
        return text["<tool_call>".Length..^"</tool_call>".Length];
    }
}
