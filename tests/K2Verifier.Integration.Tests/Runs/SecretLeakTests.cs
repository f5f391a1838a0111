using System.Globalization;
using K2Verifier.Cli;
using K2Verifier.Integration.Tests.FakeVendor;

namespace K2Verifier.Integration.Tests.Runs;

/// <summary>The API key goes on the wire and nowhere else: not in results, summary, stdout or stderr, even when a vendor echoes it back.</summary>
public sealed class SecretLeakTests
{
    private const string ApiKey = "sk-k2v-test-7f3a9c1e5b2d4f60-SECRET";

    [Fact]
    public async Task Run_ApiKey_AppearsInNoOutput()
    {
        // Arrange: a vendor that echoes the Authorization header in errors and in a successful answer's text.
        await using var server = await FakeVendorServer.StartAsync();
        server.OnRequest = r => r.Key switch
        {
            "echo-401" => FakeReplies.Status(401, $$$"""{"error":{"message":"bad key {{{r.Authorization}}}"}}"""),
            "echo-500" => FakeReplies.Status(500, $"upstream failed for {r.Authorization}"),
            _ => FakeReplies.ValidToolCall(),
        };
        var folder = RunFixture.Folder();
        var dataset = RunFixture.Dataset(folder, ["ok", "echo-401", "echo-500", "ok-stream"]);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        // Act
        var exit = await CliApp.RunAsync(
            ["run", dataset, "--base-url", server.BaseUrl.ToString(), "--model", "m", "--api-key", ApiKey, "--retries", "1", "--max-failure-rate", "0.5",
             "--output", Path.Combine(folder, "results.jsonl"), "--summary", Path.Combine(folder, "summary.json")],
            new CliConsole(output, error));

        // Assert
        Assert.Equal(0, exit);
        Assert.All(server.Requests, r => Assert.Equal($"Bearer {ApiKey}", r.Authorization));
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            Assert.DoesNotContain(ApiKey, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(ApiKey, output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("authentication", await File.ReadAllTextAsync(Path.Combine(folder, "results.jsonl")), StringComparison.Ordinal);
    }
}
