using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;
using Microsoft.ML.OnnxRuntimeGenAI;
using GenAIModel = Microsoft.ML.OnnxRuntimeGenAI.Model;

namespace K2Verifier.OrtGenAI.Integration.Tests.ManagedApi;

/// <summary>
/// The behaviour of the official managed API (Microsoft.ML.OnnxRuntimeGenAI.Managed 0.20.0) that the engine relies on,
/// on the tiny models: these held for the project's own 0.15.2 binding and are re-checked on 0.20.0.
/// </summary>
public sealed class ManagedApiTests
{
    public ManagedApiTests() => TestModels.LoadLibraries();

    [NativeFact]
    public void Model_Gpt2_ReportsItsType()
    {
        using var model = new GenAIModel(TestModels.Gpt2);

        Assert.Equal("gpt2", model.GetModelType());
    }

    [NativeFact]
    public void Tokenizer_AsciiText_RoundTrips()
    {
        using var model = new GenAIModel(TestModels.Gpt2);
        using var tokenizer = new Tokenizer(model);
        const string text = "Call get_weather(city=\"Paris\") and return {\"ok\": true}.";

        var tokens = Encode(tokenizer, text);

        Assert.NotEmpty(tokens);
        Assert.Equal(text, tokenizer.Decode(tokens));
    }

    [NativeFact]
    public void Tokenizer_MixedChineseAndEnglish_RoundTripsLosslessly()
    {
        using var model = new GenAIModel(TestModels.Gpt2);
        using var tokenizer = new Tokenizer(model);
        const string text = "查询北京的天气 weather in Beijing, 温度 25°C — 好的!";

        var tokens = Encode(tokenizer, text);

        // GPT-2's byte-level BPE falls back to byte tokens for CJK, so more tokens than characters, and lossless.
        Assert.True(tokens.Length > text.Length / 2);
        Assert.Equal(text, tokenizer.Decode(tokens));
    }

    [NativeFact]
    public void StreamDecoder_TokensOneByOne_ConcatenatesToDecodedText()
    {
        using var model = new GenAIModel(TestModels.Gpt2);
        using var tokenizer = new Tokenizer(model);
        using var stream = tokenizer.CreateStream();
        const string text = "Hello 世界, streaming works.";

        var streamed = string.Concat(Encode(tokenizer, text).Select(stream.Decode));

        Assert.Equal(text, streamed);
    }

    [NativeFact]
    public void Tokenizer_SpecialTokens_MatchGenAIConfigAndVocabulary()
    {
        using var model = new GenAIModel(TestModels.Gpt2);
        using var tokenizer = new Tokenizer(model);

        Assert.Equal([98], tokenizer.GetEosTokenIds().ToArray());
        Assert.Equal([50256], Encode(tokenizer, "<|endoftext|>"));
    }

    [NativeFact]
    public void Generator_GreedyTwice_ProducesTheSameTokens()
    {
        using var model = new GenAIModel(TestModels.Gpt2);
        int[] prompt = [10, 20, 30, 40];

        var first = GenerateGreedy(model, prompt, maxNewTokens: 12);
        var second = GenerateGreedy(model, prompt, maxNewTokens: 12);

        Assert.Equal(first, second);
        Assert.True(first.Length == 12 || first[^1] == 98, $"expected 12 tokens or a final EOS, got [{string.Join(", ", first)}]");
        Assert.All(first, token => Assert.InRange(token, 0, 999));
    }

    [NativeFact]
    public void Generator_SequenceAfterGeneration_IsPromptPlusGeneratedTokens()
    {
        using var model = new GenAIModel(TestModels.Gpt2);
        using var generatorParams = new GeneratorParams(model);
        generatorParams.SetSearchOption("max_length", 9);
        generatorParams.SetSearchOption("do_sample", false);
        using var generator = new Generator(model, generatorParams);
        int[] prompt = [5, 6, 7];

        generator.AppendTokens(prompt);
        var generated = new List<int>();
        while (!generator.IsDone())
        {
            generator.GenerateNextToken();
            generated.Add(generator.GetNextTokens()[0]);
        }

        Assert.Equal([.. prompt, .. generated], generator.GetSequence(0).ToArray());
        Assert.Equal((ulong)generator.GetSequence(0).Length, generator.TokenCount());
        Assert.Equal(9.0, generatorParams.GetSearchNumber("max_length"));
        Assert.False(generatorParams.GetSearchBool("do_sample"));
    }

    [NativeFact]
    public void Generator_LogitsWidth_IsTheModelsVocabSizeNotTheTokenizers()
    {
        using var model = new GenAIModel(TestModels.Gpt2);
        using var generatorParams = new GeneratorParams(model);
        generatorParams.SetSearchOption("max_length", 8);
        using var generator = new Generator(model, generatorParams);

        generator.AppendTokens([1, 2, 3]);
        using var logits = generator.GetOutput("logits");

        Assert.Equal(1000, logits.Shape()[^1]);
    }

    [NativeFact]
    public void Lfm2_WithoutTokenizer_LoadsAndGeneratesFromTokenIds()
    {
        using var model = new GenAIModel(TestModels.Lfm2);

        var tokens = GenerateGreedy(model, [1, 2, 3], maxNewTokens: 6);

        Assert.Equal("lfm2", model.GetModelType());
        Assert.InRange(tokens.Length, 1, 6);
    }

    [NativeFact]
    public void Lfm2_Engine_ProbesTheMissingTokenizerWithoutConstructingOne()
    {
        // new Tokenizer(model) would throw here, and its finalizer would then crash the test host (0.20.0).
        using var engine = K2Verifier.OrtGenAI.Engine.OrtGenAIEngine.Load(TestModels.Lfm2);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.False(engine.HasTokenizer);
        Assert.Contains("tokenizer_config.json", engine.TokenizerProblem);
    }

    internal static int[] GenerateGreedy(GenAIModel model, int[] prompt, int maxNewTokens)
    {
        using var generatorParams = new GeneratorParams(model);
        generatorParams.SetSearchOption("max_length", prompt.Length + maxNewTokens);
        generatorParams.SetSearchOption("do_sample", false);
        using var generator = new Generator(model, generatorParams);
        generator.AppendTokens(prompt);
        var tokens = new List<int>();
        while (!generator.IsDone())
        {
            generator.GenerateNextToken();
            tokens.Add(generator.GetNextTokens()[0]);
        }

        return [.. tokens];
    }

    private static int[] Encode(Tokenizer tokenizer, string text)
    {
        using var sequences = tokenizer.Encode(text);
        return sequences[0].ToArray();
    }
}
