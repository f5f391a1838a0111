using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

namespace K2Verifier.OrtGenAI.Integration.Tests.Engine;

public sealed class OrtGenAIEngineTests
{
    private static readonly GenerationOptions Greedy = new() { Greedy = true, MaxNewTokens = 16 };

    // Every token of this text is below 1000: the tiny model embeds only ids < 1000 (GPT-2's tokenizer has 50,257).
    private const string Prompt = "on at in it is";

    public OrtGenAIEngineTests() => TestModels.LoadLibraries();

    [NativeFact]
    public void Load_Gpt2_ReportsModelAndTokenizer()
    {
        using var engine = OrtGenAIEngine.Load(TestModels.Gpt2);

        Assert.Equal("gpt2", engine.ModelType);
        Assert.Equal(ExecutionDevice.Cpu, engine.Device);
        Assert.True(engine.HasTokenizer);
        Assert.Equal(512, engine.ContextLength);
        Assert.Equal([98], engine.EosTokenIds);
    }

    [NativeFact]
    public void TokenizeDetokenize_MixedText_RoundTrips()
    {
        using var engine = OrtGenAIEngine.Load(TestModels.Gpt2);
        const string text = "tool_calls: 天气 weather 🌤";

        Assert.Equal(text, engine.Detokenize(engine.Tokenize(text)));
    }

    [NativeFact]
    public async Task GenerateAsync_GreedyTwice_IsDeterministicAndBounded()
    {
        using var engine = OrtGenAIEngine.Load(TestModels.Gpt2);

        var first = await engine.GenerateAsync(Prompt, Greedy);
        var second = await engine.GenerateAsync(Prompt, Greedy);

        Assert.Equal(first.TokenIds, second.TokenIds);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(engine.Tokenize(Prompt).Length, first.PromptTokenCount);
        if (first.FinishReason == GenerationFinishReason.Length)
        {
            Assert.Equal(16, first.CompletionTokenCount);
        }
        else
        {
            Assert.Equal(98, first.TokenIds[^1]);
        }
    }

    [NativeFact]
    public async Task GenerateAsync_MaxNewTokensReached_FinishesWithLength()
    {
        using var engine = OrtGenAIEngine.Load(TestModels.Gpt2);
        // A prompt whose greedy continuation does not hit the EOS id (98) within 5 tokens on this random model.
        var result = await engine.GenerateAsync([10, 20, 30], Greedy with { MaxNewTokens = 5 });

        Assert.Equal(GenerationFinishReason.Length, result.FinishReason);
        Assert.Equal("length", result.FinishReasonText);
        Assert.Equal(5, result.CompletionTokenCount);
        Assert.True(result.Duration >= result.TimeToFirstToken);
    }

    [NativeFact]
    public async Task GenerateAsync_WithCallback_StreamsEveryTokenInOrder()
    {
        using var engine = OrtGenAIEngine.Load(TestModels.Gpt2);
        var streamed = new List<GeneratedToken>();

        var result = await engine.GenerateAsync(Prompt, Greedy with { OnToken = streamed.Add });

        Assert.Equal(result.TokenIds, streamed.Select(t => t.TokenId));
        Assert.Equal(Enumerable.Range(0, streamed.Count), streamed.Select(t => t.Index));
        Assert.Equal(result.Text, string.Concat(streamed.Select(t => t.Text)));
        Assert.Equal(result.TimeToFirstToken, streamed[0].Elapsed);
    }

    [NativeFact]
    public async Task GenerateAsync_SeededSampling_IsReproducible()
    {
        using var engine = OrtGenAIEngine.Load(TestModels.Gpt2);
        var sampling = new GenerationOptions { MaxNewTokens = 12, Temperature = 0.8, TopP = 0.95, TopK = 50, Seed = 1234 };

        var first = await engine.GenerateAsync([1, 2, 3, 4], sampling);
        var second = await engine.GenerateAsync([1, 2, 3, 4], sampling);

        Assert.Equal(first.TokenIds, second.TokenIds);
    }

    [NativeFact]
    public async Task GenerateAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var engine = OrtGenAIEngine.Load(TestModels.Gpt2);
        using var cancellation = new CancellationTokenSource();
        var options = Greedy with { MaxNewTokens = 400, OnToken = token => { if (token.Index == 2) { cancellation.Cancel(); } } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.GenerateAsync([1, 2, 3], options, cancellation.Token));
    }

    [NativeFact]
    public async Task GenerateAsync_ConcurrentCalls_RunOneAtATimeWithSameResults()
    {
        using var engine = OrtGenAIEngine.Load(TestModels.Gpt2);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => engine.GenerateAsync([7, 8, 9], Greedy)));

        Assert.All(results, r => Assert.Equal(results[0].TokenIds, r.TokenIds));
    }

    [NativeFact]
    public async Task GenerateAsync_PromptFillsContext_ThrowsArgumentException()
    {
        using var engine = OrtGenAIEngine.Load(TestModels.Gpt2);

        await Assert.ThrowsAsync<ArgumentException>(() => engine.GenerateAsync(new int[512], Greedy));
    }

    [NativeFact]
    public async Task GenerateAsync_TextBeyondModelVocabulary_ThrowsNamingTheToken()
    {
        using var engine = OrtGenAIEngine.Load(TestModels.Gpt2);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => engine.GenerateAsync("The weather in Paris", Greedy));

        Assert.Contains("prompt token 1 is id 6193, outside the model's vocabulary of 1000", ex.Message);
    }

    [NativeFact]
    public void Load_DeviceCuda_FailsWithNativeReason()
    {
        var ex = Assert.Throws<OrtGenAIException>(() => OrtGenAIEngine.Load(TestModels.Gpt2, new OrtGenAIEngineOptions { Device = ExecutionDevice.Cuda }));

        Assert.Contains("Cuda interface not available", ex.NativeMessage);
    }

    [NativeFact]
    public async Task Lfm2_WithoutTokenizer_GeneratesFromTokenIdsAndRefusesText()
    {
        using var engine = OrtGenAIEngine.Load(TestModels.Lfm2);

        var result = await engine.GenerateAsync([1, 2, 3], Greedy with { MaxNewTokens = 8 });

        Assert.False(engine.HasTokenizer);
        Assert.NotNull(engine.TokenizerProblem);
        Assert.InRange(result.CompletionTokenCount, 1, 8);
        Assert.Equal(string.Empty, result.Text);
        Assert.Throws<InvalidOperationException>(() => engine.Tokenize("text"));
    }

    [NativeFact]
    public async Task Dispose_Twice_IsSafeAndLaterCallsThrowObjectDisposed()
    {
        var engine = OrtGenAIEngine.Load(TestModels.Gpt2);

        engine.Dispose();
        engine.Dispose();

        Assert.Throws<ObjectDisposedException>(() => engine.Tokenize("x"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => engine.GenerateAsync([1, 2], Greedy));
    }
}
