using K2Verifier.OrtGenAI.Binding;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;
using K2Verifier.OrtGenAI.Native;

namespace K2Verifier.OrtGenAI.Integration.Tests.Binding;

public sealed class GenAIErrorTests
{
    public GenAIErrorTests() => TestModels.LoadLibraries();

    [NativeFact]
    public void Model_NonexistentFolder_ThrowsWithNativeMessage()
    {
        var ex = Assert.Throws<OrtGenAIException>(() => new GenAIModel("/nonexistent/k2v-model"));

        Assert.StartsWith("OgaCreateModel", ex.Operation);
        Assert.Contains("/nonexistent/k2v-model/genai_config.json", ex.NativeMessage);
    }

    [NativeFact]
    public void Model_UnknownProvider_ThrowsWithNativeListOfProviders()
    {
        using var config = new GenAIConfig(TestModels.Gpt2);
        config.ClearProviders();
        config.AppendProvider("no-such-provider");

        var ex = Assert.Throws<OrtGenAIException>(() => new GenAIModel(config));

        Assert.Contains("Unknown provider name 'no-such-provider'", ex.NativeMessage);
    }

    [NativeFact]
    public void Model_CudaOnTheCpuBuild_FailsWithNativeReasonInsteadOfFallingBack()
    {
        using var config = new GenAIConfig(TestModels.Gpt2);
        config.ClearProviders();
        config.AppendProvider("cuda");

        var ex = Assert.Throws<OrtGenAIException>(() => new GenAIModel(config));

        Assert.Contains("Cuda", ex.NativeMessage, StringComparison.OrdinalIgnoreCase);
    }

    [NativeFact]
    public void GeneratorParams_UnknownSearchOption_ThrowsWithNativeMessage()
    {
        using var model = new GenAIModel(TestModels.Gpt2);
        using var generatorParams = new GenAIGeneratorParams(model);

        var ex = Assert.Throws<OrtGenAIException>(() => generatorParams.SetSearchOption("no_such_option", 1.0));

        Assert.Contains("no_such_option", ex.NativeMessage);
    }

    [NativeFact]
    public void Guidance_InvalidGrammar_FailsWithNativeMessage()
    {
        using var model = new GenAIModel(TestModels.Gpt2);
        using var generatorParams = new GenAIGeneratorParams(model);
        generatorParams.SetSearchOption("max_length", 16);

        var ex = Assert.ThrowsAny<OrtGenAIException>(() =>
        {
            generatorParams.SetGuidance("lark_grammar", "start: ((( not lark");
            using var generator = new GenAIGenerator(model, generatorParams);
        });

        Assert.NotEmpty(ex.NativeMessage);
    }

    [NativeFact]
    public void Handles_DisposedTwice_AreSafeAndReleaseTheNativeObjects()
    {
        var before = OgaSafeHandle.LiveHandles;
        var model = new GenAIModel(TestModels.Gpt2);
        var tokenizer = new GenAITokenizer(model);
        var stream = tokenizer.CreateStream();
        var generatorParams = new GenAIGeneratorParams(model);
        var generator = new GenAIGenerator(model, generatorParams);

        foreach (var disposable in new IDisposable[] { generator, generatorParams, stream, tokenizer, model })
        {
            disposable.Dispose();
            disposable.Dispose();
        }

        Assert.Equal(before, OgaSafeHandle.LiveHandles);
        Assert.Throws<ObjectDisposedException>(() => tokenizer.Encode("after dispose"));
        Assert.Throws<ObjectDisposedException>(() => model.ModelType);
        Assert.Throws<ObjectDisposedException>(() => generator.GenerateNextToken());
    }
}
