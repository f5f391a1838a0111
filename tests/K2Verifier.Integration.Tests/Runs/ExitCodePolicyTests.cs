using System.Globalization;
using K2Verifier.Common;
using K2Verifier.Integration.Tests.FakeVendor;

namespace K2Verifier.Integration.Tests.Runs;

/// <summary>
/// Issue 13: the exit code a CI job can rely on (docs/exit-codes.md). A run that could not measure the deployment
/// exits 3 whatever made the requests fail, and stderr names the dominant failure with what to check; Ctrl-C exits 130.
/// </summary>
public sealed class ExitCodePolicyTests
{
    [Fact]
    public async Task Run_BaseUrlWithoutV1_Exits3AndAsksAboutV1()
    {
        await using var server = await FakeVendorServer.StartAsync();
        var baseUrl = server.BaseUrl.GetLeftPart(UriPartial.Authority); // http://127.0.0.1:PORT, no /v1: Kestrel answers 404

        var (exit, error, _) = await RunAsync(baseUrl, Keys(12));

        Assert.Equal((int)ExitCode.InfrastructureError, exit);
        Assert.Contains($"404 at {baseUrl}/chat/completions: does --base-url end in /v1?", error, StringComparison.Ordinal);
        Assert.Contains("error: the run could not measure the deployment: no request succeeded: all 12 failed", error, StringComparison.Ordinal);
        Assert.StartsWith("warning: the first 10 requests all failed; 404 at", FirstLineAfterProgress(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FullChatCompletionsUrlAsBaseUrl_Exits3AndSaysToGiveTheBase()
    {
        await using var server = await FakeVendorServer.StartAsync();

        var (exit, error, _) = await RunAsync(server.BaseUrl + "/chat/completions", Keys(3));

        Assert.Equal((int)ExitCode.InfrastructureError, exit);
        Assert.Contains($"--base-url already ends in /chat/completions; give the base only, e.g. {server.BaseUrl.AbsoluteUri.TrimEnd('/')}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LoginPageWith200_Exits3AndNamesTheHtmlBody()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Fallback = FakeReplies.NonJson("<!DOCTYPE html><html><body>Please sign in</body></html>");

        var (exit, error, _) = await RunAsync(server.BaseUrl.ToString(), ["a", "b-stream", "c", "d-stream"]);

        Assert.Equal((int)ExitCode.InfrastructureError, exit);
        Assert.Contains("200 with an HTML body", error, StringComparison.Ordinal);
        Assert.Contains("a proxy or login page?", error, StringComparison.Ordinal);
        Assert.Equal(4, server.Requests.Count); // the streamed ones are not retried either
    }

    [Fact]
    public async Task Run_EveryRequestRejectedWith400ContextLength_Exits3WithContextHint()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Fallback = FakeReplies.Status(400, """{"error":{"code":400,"message":"the request exceeds the available context size, try increasing it","type":"exceed_context_size_error","n_prompt_tokens":5012,"n_ctx":4096}}""");

        var (exit, error, folder) = await RunAsync(server.BaseUrl.ToString(), Keys(5));

        Assert.Equal((int)ExitCode.InfrastructureError, exit);
        Assert.Contains("prompts do not fit the server's context", error, StringComparison.Ordinal);
        var results = await File.ReadAllTextAsync(Path.Combine(folder, "results.jsonl"));
        Assert.Contains("\"category\":\"context_length_exceeded\"", results, StringComparison.Ordinal);
        Assert.Contains("n_ctx", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Server400sThenDies_Exits3()
    {
        // The llama-server case: a run of 400s, then the server is gone (every connection fails).
        await using var server = await FakeVendorServer.StartAsync();
        server.OnRequest = r => r.Sequence <= 6 ? FakeReplies.Status(400) : FakeReplies.ConnectionReset();

        var (exit, error, _) = await RunAsync(server.BaseUrl.ToString(), Keys(12), ["--concurrency", "1"]);

        Assert.Equal((int)ExitCode.InfrastructureError, exit);
        Assert.Contains("error: ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, (int)ExitCode.InfrastructureError)]
    [InlineData("0.2", (int)ExitCode.Ok)]
    public async Task Run_OneFailureInTen_ExitCodeFollowsMaxFailureRate(string? maxFailureRate, int expected)
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("k3", FakeReplies.Status(401));

        var (exit, error, _) = await RunAsync(server.BaseUrl.ToString(), Keys(10), maxFailureRate is null ? [] : ["--max-failure-rate", maxFailureRate]);

        Assert.Equal(expected, exit);
        if (expected != 0)
        {
            Assert.Contains("1 of 10 requests failed (10.0 %), more than --max-failure-rate 0.05 allows", error, StringComparison.Ordinal);
            Assert.Contains("check --api-key", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_CtrlC_Exits130WithTheJournalKept()
    {
        await using var server = await FakeVendorServer.StartAsync();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.OnRequest = r =>
        {
            if (r.Key == "k2")
            {
                arrived.TrySetResult();
                return FakeReplies.Slow(TimeSpan.FromSeconds(30));
            }

            return null;
        };
        using var cancel = new CancellationTokenSource();
        var run = RunAsync(server.BaseUrl.ToString(), Keys(3), ["--concurrency", "1"], cancel.Token);
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(20));

        await cancel.CancelAsync();
        var (exit, error, folder) = await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal((int)ExitCode.Interrupted, exit);
        Assert.Equal(130, exit);
        Assert.Contains("rerun with --incremental", error, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(Path.Combine(folder, "results.jsonl")));
    }

    private static string[] Keys(int count) => [.. Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"k{i}"))];

    private static string FirstLineAfterProgress(string error) =>
        error.Split('\n').First(line => !line.StartsWith("replaying", StringComparison.Ordinal) && !line.StartsWith('['));

    private static async Task<(int Exit, string Error, string Folder)> RunAsync(
        string baseUrl, IEnumerable<string> keys, string[]? extra = null, CancellationToken cancellationToken = default)
    {
        var folder = RunFixture.Folder();
        var (exit, _, error) = await RunFixture.RunCliAsync(baseUrl, RunFixture.Dataset(folder, keys), ["--retries", "1", .. extra ?? []], cancellationToken);
        return (exit, error, folder);
    }
}
