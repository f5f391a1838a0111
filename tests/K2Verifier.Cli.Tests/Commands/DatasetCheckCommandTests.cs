using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Common;
using K2Verifier.Core.Tests.TestSupport;

namespace K2Verifier.Cli.Tests.Commands;

public sealed class DatasetCheckCommandTests
{
    [Fact]
    public async Task Check_BrokenFile_ExitsUsageErrorWithFileLineList()
    {
        // Arrange
        var path = Path.Combine(Path.GetTempPath(), $"k2v-check-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(path, """
            {"messages":[{"role":"user","content":"ok"}]}
            {"messages":[{"role":"robot","content":"x"}]}

            not json
            """);
        try
        {
            // Act
            var (exitCode, output, error) = await CliRunner.RunAsync("dataset", "check", path);

            // Assert
            Assert.Equal((int)ExitCode.UsageError, exitCode);
            Assert.Contains($"{path}:2: error: $.messages[0].role: 'robot' is not one of", error);
            Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(path)}:4: error: column \d+: not JSON", error);
            Assert.Contains("3 requests (1 blank lines skipped)", output);
            Assert.Contains("2 errors, 0 warnings: FAILED", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("datasets/bfcl/samples.jsonl")]
    [InlineData("datasets/k2vv-public/samples.jsonl")]
    [InlineData("datasets/k2vv-public/medium.jsonl")]
    public async Task Check_SharedDatasets_ExitsOk(string relative)
    {
        // Arrange
        var path = SharedFile(relative);

        // Act
        var (exitCode, output, error) = await CliRunner.RunAsync("dataset", "check", path);

        // Assert
        Assert.True(exitCode == (int)ExitCode.Ok, error);
        Assert.Contains("0 errors", output);
    }

    [Fact]
    public async Task Check_BundledDataset_ExitsOkWithCounts()
    {
        // Arrange
        var path = Path.Combine(Repository.Root, "datasets", "k2v-4000", "samples.jsonl");

        // Act
        var (exitCode, output, error) = await CliRunner.RunAsync("dataset", "check", path, "--max-issues", "0");

        // Assert
        Assert.True(exitCode == (int)ExitCode.Ok, error);
        Assert.Contains("4000 requests", output);
        Assert.Contains("0 errors", output);
    }

    [Fact]
    public async Task Check_MissingFile_ExitsUsageError()
    {
        // Act
        var (exitCode, _, error) = await CliRunner.RunAsync("dataset", "check", "/nonexistent/x.jsonl");

        // Assert
        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("dataset file not found: /nonexistent/x.jsonl", error);
    }

    private static string SharedFile(string relative)
    {
        var path = Repository.Shared(relative);
        Assert.True(File.Exists(path), $"Shared data missing: '{path}' (../shared relative to the repository root).");
        return path;
    }
}
