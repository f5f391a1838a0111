using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Tests.Support;
using K2Verifier.Common;

namespace K2Verifier.Cli.Tests.Commands;

public sealed class DatasetCommandTests
{
    [Fact]
    public async Task DatasetHelp_MatchesGolden()
    {
        // Act
        var (exitCode, output, _) = await CliRunner.RunAsync("dataset", "--help");

        // Assert
        Assert.Equal((int)ExitCode.Ok, exitCode);
        Golden.AssertMatches(output.Replace("  testhost ", "  k2verifier ", StringComparison.Ordinal), "cli-dataset-help.txt");
    }

    [Fact]
    public async Task Build_OutFolder_WritesTheThreeFilesWithManifest()
    {
        // Arrange
        var folder = Path.Combine(Path.GetTempPath(), $"k2v-build-{Guid.NewGuid():N}");
        try
        {
            // Act
            var (exitCode, output, error) = await CliRunner.RunAsync("dataset", "build", "--out", folder, "--seed", "3");

            // Assert
            Assert.True(exitCode == (int)ExitCode.Ok, error);
            Assert.Contains($"wrote {Path.Combine(folder, "samples.jsonl")}", output);
            Assert.Equal(4000, File.ReadLines(Path.Combine(folder, "expected.jsonl")).Count());
            Assert.Contains("\"seed\": 3", await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("import-bfcl", "/nonexistent/bfcl", "BFCL folder not found: /nonexistent/bfcl")]
    [InlineData("import-k2vv", "/nonexistent/tool-calls.tar.gz", "K2VV data not found: /nonexistent/tool-calls.tar.gz")]
    public async Task Import_MissingSource_ExitsUsageError(string subcommand, string path, string expected)
    {
        // Act
        var (exitCode, _, error) = await CliRunner.RunAsync("dataset", subcommand, path);

        // Assert
        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task ImportK2vv_NotATarball_ExitsUsageError()
    {
        // Arrange
        var path = Path.Combine(Path.GetTempPath(), $"k2v-not-tar-{Guid.NewGuid():N}.tar.gz");
        await File.WriteAllTextAsync(path, "this is not gzip");
        try
        {
            // Act
            var (exitCode, _, error) = await CliRunner.RunAsync("dataset", "import-k2vv", path, "--out", Path.GetTempPath());

            // Assert
            Assert.Equal((int)ExitCode.UsageError, exitCode);
            Assert.StartsWith("error: ", error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
