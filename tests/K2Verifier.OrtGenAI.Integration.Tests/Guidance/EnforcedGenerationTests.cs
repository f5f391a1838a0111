using System.Text.Json;
using K2Verifier.LocalEngine.ToolCallFormats;
using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Guidance;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;
using K2Verifier.Validation;
using Xunit.Abstractions;

namespace K2Verifier.OrtGenAI.Integration.Tests.Guidance;

/// <summary>
/// The Enforcer on the random-weight tiny GPT-2, sampled (temperature 1, several seeds), per format and tool_choice:
/// every completion parses strictly with LocalEngine's parser of that format, and every call is to a declared tool
/// with arguments valid against the tool's original schema; without the Enforcer the same sampling yields no valid call.
/// Hermes, Llama 3 JSON and Kimi K2 run with text markers; Kimi K2 and DeepSeek V3 also with their markers as special
/// tokens, as on the real models (<see cref="EnforcerGpt2"/>).
/// </summary>
public sealed class EnforcedGenerationTests : IClassFixture<EnforcerGpt2>
{
    private const int Seeds = 4;
    private const int MaxNewTokens = 600;

    private readonly EnforcerGpt2 _models;
    private readonly ITestOutputHelper _output;

    public EnforcedGenerationTests(EnforcerGpt2 models, ITestOutputHelper output)
    {
        TestModels.LoadLibraries();
        _models = models;
        _output = output;
    }

    /// <summary>Every format × tool_choice with fast-forward (the default), and two formats without it.</summary>
    public static TheoryData<string, bool, string, bool> Cases()
    {
        var cases = new TheoryData<string, bool, string, bool>();
        foreach (var (format, markerTokens) in new[] { ("hermes", false), ("llama3-json", false), ("kimi-k2", false), ("kimi-k2", true), ("deepseek-v3", true) })
        {
            foreach (var choice in new[] { "required", "search", "auto", "none" })
            {
                cases.Add(format, markerTokens, choice, true);
                if (format == "hermes" || markerTokens)
                {
                    cases.Add(format, markerTokens, choice, false);
                }
            }
        }

        return cases;
    }

    [NativeTheory]
    [MemberData(nameof(Cases))]
    public async Task GenerateAsync_WithTheEnforcer_ParsesStrictlyAndEveryCallIsValid(string format, bool markerTokens, string choiceName, bool fastForward)
    {
        var choice = choiceName switch { "required" => ToolChoice.Required, "auto" => ToolChoice.Auto, "none" => ToolChoice.None, _ => ToolChoice.Function(choiceName) };
        var options = new ToolCallGrammarOptions
        {
            MaxTextTokens = 30,
            SpecialTokens = markerTokens ? _models.SpecialTokens : new Dictionary<string, int>(),
            FastForward = fastForward,
        };
        var guidance = ToolCallEnforcer.Build(format, EnforcerTools.Both, choice, options);
        using var engine = OrtGenAIEngine.Load(markerTokens ? _models.TokenMarkersPath : _models.TextMarkersPath);

        for (var seed = 1; seed <= Seeds; seed++)
        {
            var result = await engine.GenerateAsync([10, 20, 30], new GenerationOptions { MaxNewTokens = MaxNewTokens, Temperature = 1.0, Seed = seed, Guidance = guidance });
            var text = Completion(engine, result, options.SpecialTokens);
            _output.WriteLine($"seed {seed}: {result.CompletionTokenCount} tokens: {JsonSerializer.Serialize(text)}");
            var parsed = ToolCallFormatRegistry.Get(format).Parse(text, ParseMode.Strict);

            Assert.Equal(GenerationFinishReason.Stop, result.FinishReason);
            Assert.Empty(parsed.Problems);
            Assert.False(parsed.Truncated);
            Assert.All(parsed.Calls, AssertValid);
            switch (choice.Mode)
            {
                case ToolChoiceMode.Required:
                    Assert.InRange(parsed.Calls.Count, 1, options.MaxCalls);
                    Assert.Equal(string.Empty, parsed.Content);
                    break;
                case ToolChoiceMode.Function:
                    Assert.Equal(choice.FunctionName, Assert.Single(parsed.Calls).Name);
                    Assert.Equal(string.Empty, parsed.Content);
                    break;
                case ToolChoiceMode.None:
                    Assert.Empty(parsed.Calls);
                    Assert.Equal(text, parsed.Content);
                    break;
                default:
                    Assert.InRange(parsed.Calls.Count, 0, options.MaxCalls);
                    break;
            }
        }
    }

    [NativeTheory]
    [InlineData("hermes", false)]
    [InlineData("llama3-json", false)]
    [InlineData("kimi-k2", false)]
    [InlineData("kimi-k2", true)]
    [InlineData("deepseek-v3", true)]
    public async Task GenerateAsync_WithoutTheEnforcer_NoValidCall(string format, bool markerTokens)
    {
        using var engine = OrtGenAIEngine.Load(markerTokens ? _models.TokenMarkersPath : _models.TextMarkersPath);
        var special = markerTokens ? _models.SpecialTokens : new Dictionary<string, int>();

        for (var seed = 1; seed <= Seeds; seed++)
        {
            var result = await engine.GenerateAsync([10, 20, 30], new GenerationOptions { MaxNewTokens = 200, Temperature = 1.0, Seed = seed });
            var parsed = ToolCallFormatRegistry.Get(format).Parse(Completion(engine, result, special), ParseMode.Strict);

            Assert.DoesNotContain(parsed.Calls, IsValid);
        }
    }

    [NativeFact]
    public async Task GenerateAsync_AutoOverSeveralSeeds_BothTextAndCallsOccur()
    {
        var guidance = ToolCallEnforcer.Build("hermes", EnforcerTools.Both, ToolChoice.Auto, new ToolCallGrammarOptions { MaxTextTokens = 20 });
        using var engine = OrtGenAIEngine.Load(_models.TextMarkersPath);
        var withCalls = 0;

        for (var seed = 1; seed <= 12; seed++)
        {
            var result = await engine.GenerateAsync([10, 20, 30], new GenerationOptions { MaxNewTokens = MaxNewTokens, Temperature = 1.0, Seed = seed, Guidance = guidance });
            withCalls += HermesToolCallFormat.Instance.Parse(result.Text, ParseMode.Strict).Calls.Count > 0 ? 1 : 0;
        }

        Assert.InRange(withCalls, 1, 11);
    }

    [NativeFact]
    public async Task GenerateAsync_FastForward_EveryForcedTokenIsReportedAndTheGrammarsEndIsAStop()
    {
        // A small grammar: the engine keeps fast-forward only when the context has room for a forced run as long as the grammar.
        var guidance = ToolCallEnforcer.Build("hermes", [new ToolDefinition("get_weather", null)], ToolChoice.Required, new ToolCallGrammarOptions { MaxCalls = 1 });
        using var engine = OrtGenAIEngine.Load(_models.TextMarkersPath);
        var streamed = new List<GeneratedToken>();
        const int maxNewTokens = 120;
        Assert.InRange(3 + maxNewTokens + System.Text.Encoding.UTF8.GetByteCount(guidance!.Data), 0, engine.ContextLength);

        var result = await engine.GenerateAsync([10, 20, 30], new GenerationOptions { MaxNewTokens = maxNewTokens, Temperature = 1.0, Seed = 3, Guidance = guidance, OnToken = streamed.Add });

        Assert.True(guidance.EnableFastForward);
        Assert.Equal(GenerationFinishReason.Stop, result.FinishReason);
        Assert.Equal(result.TokenIds, streamed.Select(t => t.TokenId));
        Assert.Equal(result.Text, string.Concat(streamed.Select(t => t.Text)));
        Assert.EndsWith("</tool_call>", result.Text, StringComparison.Ordinal);
        // Forced stretches arrive several tokens per step, so some tokens share a timestamp.
        Assert.True(streamed.Select(t => t.Elapsed).Distinct().Count() < streamed.Count);
    }

    [NativeFact]
    public async Task GenerateAsync_FastForwardNearTheEndOfTheContext_EndsWithoutRunningPastIt()
    {
        // GenAI 0.15.2 appends a forced run without checking max_length; past the 512-token context the model fails and
        // GenAI then aborts the process. The engine turns fast-forward off when the context has no room for a run.
        var guidance = ToolCallEnforcer.Build("hermes", EnforcerTools.Both, ToolChoice.Required);
        using var engine = OrtGenAIEngine.Load(_models.TextMarkersPath);
        var prompt = Enumerable.Range(0, engine.ContextLength - 8).Select(i => 10 + (i % 50)).ToArray();

        for (var seed = 1; seed <= Seeds; seed++)
        {
            var result = await engine.GenerateAsync(prompt, new GenerationOptions { MaxNewTokens = 8, Temperature = 1.0, Seed = seed, Guidance = guidance });

            Assert.InRange(result.CompletionTokenCount, 1, 8);
        }
    }

    [NativeTheory]
    [InlineData("hermes", "required")]
    [InlineData("hermes", "auto")]
    [InlineData("kimi-k2", "required")]
    [InlineData("llama3-json", "required")]
    [InlineData("deepseek-v3", "get_weather")]
    public async Task GenerateAsync_FastForward_NoForcedRunIsLongerThanTheGuidancesBound(string format, string choiceName)
    {
        var choice = choiceName switch { "required" => ToolChoice.Required, "auto" => ToolChoice.Auto, _ => ToolChoice.Function(choiceName) };
        var markerTokens = format == "deepseek-v3";
        var guidance = ToolCallEnforcer.Build(format, EnforcerTools.Both, choice, new ToolCallGrammarOptions
        {
            MaxTextTokens = 20,
            SpecialTokens = markerTokens ? _models.SpecialTokens : new Dictionary<string, int>(),
        })!;
        using var engine = OrtGenAIEngine.Load(markerTokens ? _models.TokenMarkersPath : _models.TextMarkersPath);
        var bound = guidance.MaxForcedRunBytes!.Value;
        // Room for the bound after the budget, so the engine keeps fast-forward on.
        var maxNewTokens = engine.ContextLength - 3 - bound;
        Assert.InRange(maxNewTokens, 100, engine.ContextLength);
        var longestRun = 0;

        for (var seed = 1; seed <= Seeds; seed++)
        {
            var steps = new List<GeneratedToken>();
            await engine.GenerateAsync([10, 20, 30], new GenerationOptions
            {
                MaxNewTokens = maxNewTokens, Temperature = 1.0, Seed = seed, Guidance = guidance, KeepSpecialTokens = true, OnToken = steps.Add,
            });

            // Tokens one step appended share its timestamp: the sampled token and the forced run before it.
            foreach (var step in steps.GroupBy(t => t.Elapsed))
            {
                longestRun = Math.Max(longestRun, System.Text.Encoding.UTF8.GetByteCount(engine.DetokenizeKeepingSpecialTokens([.. step.Select(t => t.TokenId)])));
            }
        }

        _output.WriteLine($"longest forced run {longestRun} bytes, bound {bound}, grammar {guidance.Data.Length} characters");
        Assert.InRange(longestRun, 12, bound);
    }

    /// <summary>
    /// The completion text with special tokens kept (GenAI's decode drops them): ordinary runs decoded by the engine,
    /// marker tokens written as their text; a final EOS left out.
    /// </summary>
    private static string Completion(OrtGenAIEngine engine, GenerationResult result, IReadOnlyDictionary<string, int> specialTokens)
    {
        var markers = specialTokens.ToDictionary(p => p.Value, p => p.Key);
        var ids = result.FinishReason == GenerationFinishReason.Stop ? result.TokenIds.Take(result.TokenIds.Count - 1).ToArray() : [.. result.TokenIds];
        var text = new System.Text.StringBuilder();
        var start = 0;
        for (var i = 0; i <= ids.Length; i++)
        {
            if (i == ids.Length || markers.ContainsKey(ids[i]))
            {
                text.Append(i > start ? engine.Detokenize(ids.AsSpan(start, i - start)) : string.Empty);
                if (i < ids.Length)
                {
                    text.Append(markers[ids[i]]);
                }

                start = i + 1;
            }
        }

        return text.ToString();
    }

    private static void AssertValid(ParsedToolCall call) => Assert.True(IsValid(call), $"invalid call {call.Name}: {call.Arguments}");

    private static bool IsValid(ParsedToolCall call)
    {
        var tool = EnforcerTools.Both.FirstOrDefault(t => t.Name == call.Name);
        if (tool is null)
        {
            return false;
        }

        using var schema = JsonDocument.Parse(tool.Parameters!.ToJsonString());
        using var arguments = JsonDocument.Parse(call.Arguments);
        return JsonSchemaValidator.Default.Validate(schema.RootElement, arguments.RootElement).IsValid;
    }
}
