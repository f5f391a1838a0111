using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Common;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

namespace K2Verifier.OrtGenAI.Integration.Tests.Doctor;

/// <summary>Doctor command-line errors: no native library needed.</summary>
public sealed class DoctorCommandParsingTests
{
    [Fact]
    public async Task Doctor_InvalidDevice_ExitsUsageErrorWithSuggestion()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("doctor", TestModels.Gpt2, "--device", "cdua");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("--device \"cdua\" is invalid. Valid values: cpu, cuda. Did you mean \"cuda\"?", error);
    }

    [Fact]
    public async Task Doctor_ZeroConcurrency_ExitsUsageError()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("doctor", TestModels.Gpt2, "--concurrency", "0");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("--context-length and --concurrency must be at least 1", error);
    }

    [Fact]
    public async Task Doctor_Help_ListsItsOptions()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("doctor", "--help");

        Assert.Equal((int)ExitCode.Ok, exitCode);
        foreach (var option in new[] { "<model-dir>", "--ortgenai-lib", "--device", "--manifest", "--context-length", "--concurrency" })
        {
            Assert.Contains(option, output);
        }
    }
}
