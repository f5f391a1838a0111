using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

namespace K2Verifier.OrtGenAI.Integration.Tests.TestModelBuilding;

public sealed class TinyLlamaTests : IDisposable
{
    private readonly TemporaryFolder _root = new();

    public TinyLlamaTests() => TestModels.LoadLibraries();

    public void Dispose() => _root.Dispose();

    [NativeFact]
    public async Task Write_ThenLoad_GeneratesGreedilyAsALlamaModel()
    {
        var folder = Path.Combine(_root.Path, "llama");
        TinyLlama.Write(folder);
        using var engine = OrtGenAIEngine.Load(folder);
        var options = new GenerationOptions { Greedy = true, MaxNewTokens = 24 };

        var first = await engine.GenerateAsync("Hello, tiny llama", options);
        var second = await engine.GenerateAsync("Hello, tiny llama", options);

        Assert.Equal("llama", engine.ModelType);
        Assert.Equal(TinyLlama.Vocabulary, engine.MeasureLogitsWidth());
        Assert.Equal(first.TokenIds, second.TokenIds);
        Assert.True(first.CompletionTokenCount == 24 || first.FinishReason == GenerationFinishReason.Stop);
        Assert.All(first.TokenIds, id => Assert.InRange(id, 0, TinyLlama.Vocabulary - 1));
    }

    [NativeFact]
    public async Task Generate_DifferentContextSameLastToken_ContinuesDifferently()
    {
        var folder = Path.Combine(_root.Path, "llama");
        TinyLlama.Write(folder);
        using var engine = OrtGenAIEngine.Load(folder);
        var options = new GenerationOptions { Greedy = true, MaxNewTokens = 8 };

        var a = await engine.GenerateAsync([5, 6, 7, 42], options);
        var b = await engine.GenerateAsync([300, 400, 500, 42], options);

        Assert.NotEqual(a.TokenIds, b.TokenIds);
    }

    [NativeFact]
    public void Write_SameSeedTwice_GivesTheSameBytes()
    {
        TinyLlama.Write(Path.Combine(_root.Path, "a"), seed: 3);
        TinyLlama.Write(Path.Combine(_root.Path, "b"), seed: 3);

        Assert.Equal(File.ReadAllBytes(Path.Combine(_root.Path, "a", "model.onnx")), File.ReadAllBytes(Path.Combine(_root.Path, "b", "model.onnx")));
    }
}
