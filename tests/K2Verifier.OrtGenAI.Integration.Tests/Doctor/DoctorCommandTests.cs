using System.Security.Cryptography;
using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Common;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

namespace K2Verifier.OrtGenAI.Integration.Tests.Doctor;

public sealed class DoctorCommandTests
{
    public DoctorCommandTests() => TestModels.LoadLibraries();

    [NativeFact]
    public async Task Doctor_GoodGpt2Folder_ExitsOkWithOneLinePerCheck()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("doctor", TestModels.Gpt2);

        Assert.Equal((int)ExitCode.Ok, exitCode);
        var lines = output.TrimEnd().Split('\n');
        Assert.All(lines[..^1], line => Assert.Matches("^(PASS|WARN|FAIL) [a-z_ ]+: ", line));
        Assert.Contains(lines, l => l.StartsWith("PASS model load: gpt2 on CPU", StringComparison.Ordinal));
        Assert.Contains("PASS device: provider cpu, the host CPU; free device memory: not exposed by GenAI's API (not measured)", lines);
        Assert.Contains(lines, l => l.StartsWith("PASS round trip: mixed Chinese/English text is lossless", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("WARN logits width: the model has 1000 logits but the tokenizer has 50,295 ids", StringComparison.Ordinal) && l.Contains("run --engine local serves such a model on a copy"));
        Assert.DoesNotContain("VocabularyTrimmer", output, StringComparison.Ordinal); // issue 13: no internal class names in hints
        Assert.Contains(lines, l => l.StartsWith("WARN chat template:", StringComparison.Ordinal) && l.Contains("--chat-template"));
        Assert.StartsWith("doctor: ", lines[^1]);
        Assert.EndsWith(" 0 FAIL", lines[^1]);
    }

    [NativeFact]
    public async Task Doctor_MissingModelFile_ExitsUsageErrorNamingModelFiles()
    {
        using var copy = TestModels.CopyOf(TestModels.Gpt2);
        File.Delete(Path.Combine(copy.Path, "past.onnx"));

        var (exitCode, output, _) = await CliRunner.RunAsync("doctor", copy.Path);

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("FAIL model files: past.onnx is missing (fix: ", output);
        Assert.DoesNotContain("model load", output);
    }

    [NativeFact]
    public async Task Doctor_CorruptedModelFile_ExitsUsageErrorWithNativeLoadMessage()
    {
        using var copy = TestModels.CopyOf(TestModels.Gpt2);
        File.WriteAllBytes(Path.Combine(copy.Path, "past.onnx"), RandomNumberGenerator.GetBytes(4096));

        var (exitCode, output, _) = await CliRunner.RunAsync("doctor", copy.Path);

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("PASS model files", output);
        Assert.Matches("FAIL model load: .*past.onnx|FAIL model load: .*(protobuf|Protobuf|parse|Load model)", output);
    }

    [NativeFact]
    public async Task Doctor_ManifestWithChangedFile_FailsTheManifestCheck()
    {
        using var copy = TestModels.CopyOf(TestModels.Gpt2);
        var manifest = Path.Combine(copy.Path, "SHA256SUMS");
        var lines = Directory.GetFiles(copy.Path).Select(f => $"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}  {Path.GetFileName(f)}");
        await File.WriteAllLinesAsync(manifest, lines);
        Assert.Equal((int)ExitCode.Ok, (await CliRunner.RunAsync("doctor", copy.Path, "--manifest", manifest)).ExitCode);
        await File.AppendAllTextAsync(Path.Combine(copy.Path, "vocab.json"), " ");

        var (exitCode, output, _) = await CliRunner.RunAsync("doctor", copy.Path, "--manifest", manifest);

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("FAIL manifest: vocab.json has sha256 ", output);
    }

    [NativeFact]
    public async Task Doctor_FolderWithoutTokenizer_FailsTheTokenizerFilesCheck()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("doctor", TestModels.Lfm2);

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("FAIL tokenizer files: no tokenizer.json or tokenizer.model", output);
    }

    [NativeFact]
    public async Task Doctor_DeviceCuda_FailsWithNativeReason()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("doctor", TestModels.Gpt2, "--device", "cuda");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("FAIL model load: Cuda interface not available", output);
    }

    [NativeFact]
    public async Task Doctor_MissingExplicitLibrary_SaysWhereItLookedAndHowToGetIt()
    {
        // A child process: this one has already loaded the library, and a process loads it only once.
        var (exitCode, output, _) = await CliProcessRunner.RunAsync(
            new Dictionary<string, string>(), "doctor", TestModels.Gpt2, "--ortgenai-lib", "/nonexistent/libonnxruntime-genai.so");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("FAIL native library: ONNX Runtime GenAI 0.20.0 could not be loaded. Looked in:", output);
        Assert.Contains("--ortgenai-lib: /nonexistent/libonnxruntime-genai.so (not there)", output);
        Assert.Contains("Microsoft.ML.OnnxRuntimeGenAI package", output);
    }

    [NativeFact]
    public async Task Doctor_LibraryFolderFromEnvironment_IsUsed()
    {
        var (exitCode, output, _) = await CliProcessRunner.RunAsync(
            new Dictionary<string, string> { ["K2V_ORTGENAI_LIB"] = Path.GetDirectoryName(NativeLibraries.Require().GenAIPath)! }, "doctor", TestModels.Gpt2);

        Assert.Equal((int)ExitCode.Ok, exitCode);
        Assert.Contains("(via K2V_ORTGENAI_LIB)", output);
    }
}
