using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Tests.Support;
using K2Verifier.Common;

namespace K2Verifier.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public async Task Help_PrintsUsageAndExitsOk()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("--help");

        Assert.Equal((int)ExitCode.Ok, exitCode);
        // The root command is named after the host process; under the test host that is "testhost".
        Golden.AssertMatches(output.Replace("  testhost ", "  k2verifier ", StringComparison.Ordinal), "cli-help.txt");
    }

    [Fact]
    public async Task Version_PrintsVersion()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("--version");

        Assert.Equal((int)ExitCode.Ok, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Fact]
    public async Task NoArguments_PrintsUsageAndExitsOk()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync();

        Assert.Equal((int)ExitCode.Ok, exitCode);
        Assert.Contains("Usage:", output);
    }

    [Fact]
    public async Task UnknownCommand_ExitsUsageErrorWithSuggestion()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("--hepl");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("'--hepl'", error);
        Assert.Contains("Did you mean '--help'", error);
    }
}
