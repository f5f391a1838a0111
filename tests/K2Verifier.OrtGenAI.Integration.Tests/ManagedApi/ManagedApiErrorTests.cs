using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;
using Microsoft.ML.OnnxRuntimeGenAI;
using GenAIModel = Microsoft.ML.OnnxRuntimeGenAI.Model;

namespace K2Verifier.OrtGenAI.Integration.Tests.ManagedApi;

/// <summary>GenAI's own error messages, through the managed API and through the engine (as <see cref="OrtGenAIException"/>).</summary>
public sealed class ManagedApiErrorTests
{
    public ManagedApiErrorTests() => TestModels.LoadLibraries();

    [NativeFact]
    public void Engine_NonexistentFolder_ThrowsWithNativeMessage()
    {
        var ex = Assert.Throws<OrtGenAIException>(() => OrtGenAIEngine.Load("/nonexistent/k2v-model"));

        Assert.StartsWith("OgaCreateModel", ex.Operation);
        Assert.Contains("/nonexistent/k2v-model/genai_config.json", ex.NativeMessage);
    }

    [NativeFact]
    public void Model_UnknownProvider_ThrowsWithNativeListOfProviders()
    {
        using var config = new Config(TestModels.Gpt2);
        config.ClearProviders();
        config.AppendProvider("no-such-provider");

        var ex = Assert.Throws<OnnxRuntimeGenAIException>(() => new GenAIModel(config));

        Assert.Contains("Unknown provider name 'no-such-provider'", ex.Message);
    }

    [NativeFact]
    public void Engine_CudaOnTheCpuBuild_FailsWithNativeReasonInsteadOfFallingBack()
    {
        var ex = Assert.Throws<OrtGenAIException>(() => OrtGenAIEngine.Load(TestModels.Gpt2, new OrtGenAIEngineOptions { Device = ExecutionDevice.Cuda }));

        Assert.Contains("Cuda", ex.NativeMessage, StringComparison.OrdinalIgnoreCase);
    }

    [NativeFact]
    public void GeneratorParams_UnknownSearchOption_ThrowsWithNativeMessage()
    {
        using var model = new GenAIModel(TestModels.Gpt2);
        using var generatorParams = new GeneratorParams(model);

        var ex = Assert.Throws<OnnxRuntimeGenAIException>(() => generatorParams.SetSearchOption("no_such_option", 1.0));

        Assert.Contains("no_such_option", ex.Message);
    }

    [NativeFact]
    public void Guidance_InvalidGrammar_FailsWithNativeMessage()
    {
        using var model = new GenAIModel(TestModels.Gpt2);
        using var generatorParams = new GeneratorParams(model);
        generatorParams.SetSearchOption("max_length", 16);

        var ex = Assert.ThrowsAny<OnnxRuntimeGenAIException>(() =>
        {
            generatorParams.SetGuidance("lark_grammar", "start: ((( not lark", false);
            using var generator = new Generator(model, generatorParams);
        });

        Assert.NotEmpty(ex.Message);
    }
}
