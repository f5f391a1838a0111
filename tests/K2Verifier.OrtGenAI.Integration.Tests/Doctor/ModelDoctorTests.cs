using K2Verifier.OrtGenAI.Doctor;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

namespace K2Verifier.OrtGenAI.Integration.Tests.Doctor;

public sealed class ModelDoctorTests
{
    [Fact]
    public void Run_NotEnoughMemory_RefusesBeforeLoading()
    {
        var checks = ModelDoctor.Run(new DoctorOptions { ModelDirectory = TestModels.Gpt2, AvailableMemoryBytes = 100_000 });

        var resources = Assert.Single(checks, c => c.Name == "resources");
        Assert.Equal(DoctorStatus.Fail, resources.Status);
        Assert.Contains("only 97.7 KiB available; not loading it", resources.Message);
        Assert.DoesNotContain(checks, c => c.Name == "model load");
    }

    [Fact]
    public void Run_LongerContextAndConcurrency_ScalesTheKvEstimate()
    {
        var checks = ModelDoctor.Run(new DoctorOptions { ModelDirectory = TestModels.Gpt2, ContextLength = 4096, Concurrency = 4, AvailableMemoryBytes = 1 });

        // 2 (K, V) × 5 layers × 4 heads × 8 head size × 4 bytes = 1280 bytes per token; × 4096 × 4 = 20 MiB.
        Assert.Contains("KV cache 20.0 MiB for 4096 tokens × 4", Assert.Single(checks, c => c.Name == "resources").Message);
    }

    [Fact]
    public void Run_HybridModel_CountsOnlyAttentionLayers()
    {
        var checks = ModelDoctor.Run(new DoctorOptions { ModelDirectory = TestModels.Lfm2, AvailableMemoryBytes = 1 });

        // LFM2: 2 of its 4 layers are full_attention: 2 × 2 × 4 × 8 × 4 bytes × 512 tokens = 256 KiB.
        Assert.Contains("KV cache 256.0 KiB for 512 tokens × 1", Assert.Single(checks, c => c.Name == "resources").Message);
    }

    [Fact]
    public void Run_MissingFolder_FailsAtOnce()
    {
        var checks = ModelDoctor.Run(new DoctorOptions { ModelDirectory = "/nonexistent/model" });

        Assert.Equal("model folder", Assert.Single(checks).Name);
    }

    [Fact]
    public void Run_InvalidGenAIConfig_FailsNamingTheFile()
    {
        using var copy = TestModels.CopyOf(TestModels.Gpt2);
        File.WriteAllText(Path.Combine(copy.Path, "genai_config.json"), "{ not json");

        var checks = ModelDoctor.Run(new DoctorOptions { ModelDirectory = copy.Path });

        var config = Assert.Single(checks, c => c.Name == "genai_config");
        Assert.Equal(DoctorStatus.Fail, config.Status);
        Assert.StartsWith("genai_config.json is not valid:", config.Message);
    }

    [Fact]
    public void Run_ChatTemplateInJinjaFile_Passes()
    {
        using var copy = TestModels.CopyOf(TestModels.Gpt2);
        File.WriteAllText(Path.Combine(copy.Path, "chat_template.jinja"), "{{ messages }}");

        var checks = ModelDoctor.Run(new DoctorOptions { ModelDirectory = copy.Path, AvailableMemoryBytes = 1 });

        Assert.Equal("found in chat_template.jinja", Assert.Single(checks, c => c.Name == "chat template").Message);
    }

    [Fact]
    public void ToString_FailWithFix_IsOneLine()
    {
        var line = DoctorCheck.Fail("model files", "past.onnx is missing", "copy it").ToString();

        Assert.Equal("FAIL model files: past.onnx is missing (fix: copy it)", line);
    }
}
