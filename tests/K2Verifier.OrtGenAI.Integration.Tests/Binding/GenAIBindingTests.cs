using K2Verifier.OrtGenAI.Binding;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

namespace K2Verifier.OrtGenAI.Integration.Tests.Binding;

public sealed class GenAIBindingTests
{
    public GenAIBindingTests() => TestModels.LoadLibraries();

    [NativeFact]
    public void Model_Gpt2_ReportsTypeAndCpuDevice()
    {
        using var model = new GenAIModel(TestModels.Gpt2);

        Assert.Equal("gpt2", model.ModelType);
        Assert.Equal("CPU", model.DeviceType, ignoreCase: true);
    }

    [NativeFact]
    public void Tokenizer_AsciiText_RoundTrips()
    {
        using var model = new GenAIModel(TestModels.Gpt2);
        using var tokenizer = new GenAITokenizer(model);
        const string text = "Call get_weather(city=\"Paris\") and return {\"ok\": true}.";

        var tokens = tokenizer.Encode(text);

        Assert.NotEmpty(tokens);
        Assert.Equal(text, tokenizer.Decode(tokens));
    }

    [NativeFact]
    public void Tokenizer_MixedChineseAndEnglish_RoundTripsLosslessly()
    {
        using var model = new GenAIModel(TestModels.Gpt2);
        using var tokenizer = new GenAITokenizer(model);
        const string text = "查询北京的天气 weather in Beijing, 温度 25°C — 好的!";

        var tokens = tokenizer.Encode(text);

        // GPT-2's byte-level BPE falls back to byte tokens for CJK, so more tokens than characters, and lossless.
        Assert.True(tokens.Length > text.Length / 2);
        Assert.Equal(text, tokenizer.Decode(tokens));
    }

    [NativeFact]
    public void StreamDecoder_TokensOneByOne_ConcatenatesToDecodedText()
    {
        using var model = new GenAIModel(TestModels.Gpt2);
        using var tokenizer = new GenAITokenizer(model);
        using var stream = tokenizer.CreateStream();
        const string text = "Hello 世界, streaming works.";

        var streamed = string.Concat(tokenizer.Encode(text).Select(stream.Decode));

        Assert.Equal(text, streamed);
    }

    [NativeFact]
    public void Tokenizer_SpecialTokens_MatchGenAIConfigAndVocabulary()
    {
        using var model = new GenAIModel(TestModels.Gpt2);
        using var tokenizer = new GenAITokenizer(model);

        Assert.Equal([98], tokenizer.EosTokenIds);
        Assert.Equal(50256, tokenizer.ToTokenId("<|endoftext|>"));
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
        using var generatorParams = new GenAIGeneratorParams(model);
        generatorParams.SetSearchOption("max_length", 9);
        generatorParams.SetSearchOption("do_sample", false);
        using var generator = new GenAIGenerator(model, generatorParams);
        using var sequences = new GenAISequences();
        sequences.Append([5, 6, 7]);

        generator.AppendTokenSequences(sequences);
        var generated = new List<int>();
        while (!generator.IsDone)
        {
            generator.GenerateNextToken();
            generated.Add(generator.GetNextTokens()[0]);
        }

        Assert.Equal([5, 6, 7, .. generated], generator.GetSequence(0));
        Assert.Equal(generator.TokenCount, generator.GetSequence(0).Length);
        Assert.Equal(9.0, generatorParams.GetSearchNumber("max_length"));
        Assert.False(generatorParams.GetSearchBool("do_sample"));
    }

    [NativeFact]
    public void Generator_LogitsWidth_IsTheModelsVocabSizeNotTheTokenizers()
    {
        using var model = new GenAIModel(TestModels.Gpt2);
        using var generatorParams = new GenAIGeneratorParams(model);
        generatorParams.SetSearchOption("max_length", 8);
        using var generator = new GenAIGenerator(model, generatorParams);

        generator.AppendTokens([1, 2, 3]);

        Assert.Equal(1000, generator.LogitsWidth());
    }

    [NativeFact]
    public void Lfm2_WithoutTokenizer_LoadsAndGeneratesFromTokenIds()
    {
        using var model = new GenAIModel(TestModels.Lfm2);

        var tokens = GenerateGreedy(model, [1, 2, 3], maxNewTokens: 6);

        Assert.Equal("lfm2", model.ModelType);
        Assert.InRange(tokens.Length, 1, 6);
        Assert.Throws<OrtGenAIException>(() => new GenAITokenizer(model).Dispose());
    }

    internal static int[] GenerateGreedy(GenAIModel model, int[] prompt, int maxNewTokens)
    {
        using var generatorParams = new GenAIGeneratorParams(model);
        generatorParams.SetSearchOption("max_length", prompt.Length + maxNewTokens);
        generatorParams.SetSearchOption("do_sample", false);
        using var generator = new GenAIGenerator(model, generatorParams);
        generator.AppendTokens(prompt);
        var tokens = new List<int>();
        while (!generator.IsDone)
        {
            generator.GenerateNextToken();
            tokens.Add(generator.GetNextTokens()[0]);
        }

        return [.. tokens];
    }
}
