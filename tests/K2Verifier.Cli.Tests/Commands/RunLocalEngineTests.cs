using K2Verifier.Cli.Commands;
using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Common;
using K2Verifier.Core.Tests.TestSupport;
using K2Verifier.OrtGenAI.Doctor;

namespace K2Verifier.Cli.Tests.Commands;

/// <summary>
/// <c>run --engine local</c>'s usage errors: all found before any native library is loaded. The runs themselves are in
/// K2Verifier.OrtGenAI.Integration.Tests (Serving).
/// </summary>
public sealed class RunLocalEngineTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "k2v-cli-local-" + Guid.NewGuid().ToString("N"));
    private readonly string _dataset;

    public RunLocalEngineTests()
    {
        Directory.CreateDirectory(_folder);
        _dataset = Path.Combine(_folder, "samples.jsonl");
        File.WriteAllText(_dataset, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("--enforce")]
    [InlineData("--model-dir", ".")]
    [InlineData("--ortgenai-lib", "/tmp")]
    [InlineData("--device", "cuda")]
    public async Task Run_LocalEngineOptionWithoutEngineLocal_ExitsUsageError(params string[] option)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(["run", _dataset, "--base-url", "http://127.0.0.1:9/v1", "--model", "m", .. option]);

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains($"{option[0]}{(option[0] == "--device" ? " cuda" : string.Empty)} needs --engine local", error);
    }

    [Fact]
    public async Task Run_EngineLocalWithoutModelDir_ExitsUsageError()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("run", _dataset, "--engine", "local");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("--engine local needs --model-dir DIR", error);
    }

    [Theory]
    [InlineData("samples.jsonl", "is a file, not a folder")]
    [InlineData("missing", "does not exist")]
    [InlineData(".", "has no genai_config.json")]
    public async Task Run_EngineLocalWithABadModelDir_ExitsUsageErrorWithTheReason(string modelDir, string expected)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("run", _dataset, "--engine", "local", "--model-dir", Path.Combine(_folder, modelDir));

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Run_EngineLocalWithBaseUrlOrRawCompletions_ExitsUsageErrorListingBoth()
    {
        var model = Repository.Shared("models", "tiny-random-gpt2-fp32");

        var (exitCode, _, error) = await CliRunner.RunAsync(
            "run", _dataset, "--engine", "local", "--model-dir", model, "--base-url", "http://127.0.0.1:9/v1", "--use-raw-completions");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("--base-url is not used with --engine local", error);
        Assert.Contains("--use-raw-completions needs --engine http", error);
    }

    [Fact]
    public async Task Run_ModelWithoutChatTemplateAndNoChatTemplateFlag_ExitsUsageErrorBeforeLoading()
    {
        var model = Repository.Shared("models", "tiny-random-gpt2-fp32");

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "run", _dataset, "--engine", "local", "--model-dir", model, "--output", Path.Combine(_folder, "r.jsonl"), "--summary", Path.Combine(_folder, "s.json"));

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("has no chat template (none in tokenizer_config.json, no chat_template.jinja); pass --chat-template FILE", error);
        Assert.DoesNotContain("local engine:", output + error);
        Assert.False(File.Exists(Path.Combine(_folder, "r.jsonl")));
    }

    [Fact]
    public void CheckFits_EstimateAboveAvailableMemory_RefusesWithTheNumbers()
    {
        var estimate = new ResourceEstimate(WeightBytes: 3L << 30, KvCacheBytes: 2L << 30, ContextLength: 131_072, Concurrency: 1);

        var problem = LocalBackendFactory.CheckFits(estimate, available: 4L << 30);

        Assert.Equal(
            "--engine local: the model needs about 5.0 GiB (weights 3.0 GiB on disk, KV cache 2.0 GiB for 131072 tokens × 1 sequence held at once) "
            + "but only 4.0 GiB is available; free memory or use a smaller model or context",
            problem);
        Assert.Null(LocalBackendFactory.CheckFits(estimate, available: 5L << 30));
    }

    [Fact]
    public void CheckFits_BatchAboveAvailableMemory_NamesTheLargestBatchThatFits()
    {
        // 8 sequences of 512 MiB KV each beside 3 GiB of weights; 6 GiB available leaves room for 6.
        var estimate = new ResourceEstimate(WeightBytes: 3L << 30, KvCacheBytes: 4L << 30, ContextLength: 131_072, Concurrency: 8);

        var problem = LocalBackendFactory.CheckFits(estimate, available: 6L << 30);

        Assert.Equal(
            "--engine local: the model needs about 7.0 GiB (weights 3.0 GiB on disk, KV cache 4.0 GiB for 131072 tokens × 8 sequences held at once) "
            + "but only 6.0 GiB is available; the largest batch that fits is 6 (--concurrency 6)",
            problem);
        Assert.Equal(6, LocalBackendFactory.LargestBatch(estimate, available: 6L << 30));
        Assert.Null(LocalBackendFactory.CheckFits(estimate, available: 7L << 30));
    }

    [Fact]
    public void CheckFits_BatchWhoseWeightsAloneDoNotFit_AsksForLessMemory()
    {
        var estimate = new ResourceEstimate(WeightBytes: 3L << 30, KvCacheBytes: 4L << 30, ContextLength: 131_072, Concurrency: 8);

        var problem = LocalBackendFactory.CheckFits(estimate, available: 2L << 30);

        Assert.EndsWith("but only 2.0 GiB is available; free memory or use a smaller model or context", problem);
        Assert.Equal(0, LocalBackendFactory.LargestBatch(estimate, available: 2L << 30));
    }
}
