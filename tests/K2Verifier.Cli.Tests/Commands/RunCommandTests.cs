using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Tests.Support;
using K2Verifier.Common;

namespace K2Verifier.Cli.Tests.Commands;

public sealed class RunCommandTests
{
    private static readonly string Dataset = WriteDataset();

    [Theory]
    [InlineData("--base-url", "not a url", "is not an http(s) URL")]
    [InlineData("--base-url", "ftp://host/v1", "is not an http(s) URL")]
    [InlineData("--extra-body", "{oops", "--extra-body is not JSON")]
    [InlineData("--extra-body", "[1]", "--extra-body must be a JSON object")]
    [InlineData("--concurrency", "0", "--concurrency 0 is out of range")]
    [InlineData("--timeout", "0", "--timeout 0 must be positive")]
    public async Task Run_BadValue_ExitsUsageErrorWithReason(string option, string value, string expected)
    {
        var args = new List<string> { "run", Dataset, "--base-url", "http://127.0.0.1:9/v1", "--model", "m" };
        var existing = args.IndexOf(option);
        if (existing >= 0)
        {
            args[existing + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var (exitCode, _, error) = await CliRunner.RunAsync([.. args]);

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Run_MissingDataset_ExitsUsageError()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("run", "/nonexistent/samples.jsonl", "--base-url", "http://127.0.0.1:9/v1", "--model", "m");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("dataset file not found: /nonexistent/samples.jsonl", error);
    }

    [Fact]
    public async Task Run_UnknownFlag_SuggestsTheClosest()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("run", Dataset, "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--concurency", "4");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("Did you mean '--concurrency'?", error);
        Assert.DoesNotContain("'-?'", error); // issue 13: nothing suggested for the misspelled flag's value "4"
        Assert.Single(error.Split('\n'), line => line.Contains("Did you mean", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--concurrency", "abc", "--concurrency \"abc\" is not a whole number")]
    [InlineData("--max-failure-rate", "lots", "--max-failure-rate \"lots\" is not a number")]
    public async Task Run_ValueOfTheWrongType_SaysWhatIsExpectedInWords(string option, string value, string expected)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("run", Dataset, "--base-url", "http://127.0.0.1:9/v1", "--model", "m", option, value);

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("System.", error);
    }

    [Fact]
    public async Task Run_MissingModel_ExitsUsageError()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("run", Dataset, "--base-url", "http://127.0.0.1:9/v1");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("--model", error);
    }

    [Fact]
    public async Task Run_CredentialsInUrl_Refused()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("run", Dataset, "--base-url", "http://user:secret@127.0.0.1:9/v1", "--model", "m");

        Assert.Equal((int)ExitCode.UsageError, exitCode);
        Assert.Contains("must not carry credentials", error);
        Assert.DoesNotContain("secret", error);
    }

    [Fact]
    public async Task RunHelp_MatchesGolden()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("run", "--help");

        Assert.Equal((int)ExitCode.Ok, exitCode);
        Golden.AssertMatches(output.Replace("  testhost ", "  k2verifier ", StringComparison.Ordinal), "cli-run-help.txt");
    }

    private static string WriteDataset()
    {
        var path = Path.Combine(Path.GetTempPath(), "k2v-cli-tests", Guid.NewGuid().ToString("N"), "samples.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n");
        return path;
    }
}
