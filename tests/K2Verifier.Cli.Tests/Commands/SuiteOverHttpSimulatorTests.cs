using System.Text.Json;
using K2Verifier.Cli.Serving;
using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.LocalEngine.Simulation;

namespace K2Verifier.Cli.Tests.Commands;

/// <summary><c>suite params</c> against <c>simulate</c> over HTTP gives what <c>--engine sim</c> gives in process.</summary>
public sealed class SuiteOverHttpSimulatorTests
{
    [Theory]
    [InlineData("reference")]
    [InlineData("vllm-0.11.0")]
    public async Task SuiteParams_SimulatorOverHttp_SameStatusesAndErrorsAsInProcess(string profile)
    {
        // Arrange: the profile served on a free loopback port.
        var folder = Directory.CreateTempSubdirectory("k2v-suite-http-").FullName;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var server = await SimulatorServer.StartAsync(new SimulatedBackend(SimulationProfile.Get(profile), ExpectedLabels.Empty), null, 0, timeout.Token);

        // Act
        var (httpExit, httpOut, httpError) = await CliRunner.RunAsync("suite", "params", "--base-url", server.BaseUrl.ToString(), "--model", "kimi-k2",
            "--retries", "0", "--out", Path.Combine(folder, "http"));
        var (simExit, simOut, simError) = await CliRunner.RunAsync("suite", "params", "--engine", "sim", "--profile", profile, "--model", "kimi-k2",
            "--out", Path.Combine(folder, "sim"));

        // Assert: every probe answered alike, the 400s with the same error message.
        Assert.True(httpExit == simExit, $"http {httpExit}: {httpOut}{httpError}\nsim {simExit}: {simOut}{simError}");
        var http = Rows(Path.Combine(folder, "http", "suite-params.jsonl"));
        Assert.Equal(Rows(Path.Combine(folder, "sim", "suite-params.jsonl")), http);
        Assert.Contains(http, row => row.Contains("|400|", StringComparison.Ordinal));
        Assert.Contains(http, row => row.Contains("|200|", StringComparison.Ordinal));
    }

    private static List<string> Rows(string journal) =>
    [
        .. File.ReadLines(journal).Select(line =>
        {
            using var row = JsonDocument.Parse(line);
            var r = row.RootElement;
            return string.Join('|', r.GetProperty("probe").GetString(), r.GetProperty("status").GetString(), r.GetProperty("got").GetString(),
                r.GetProperty("http_status").GetRawText(), r.TryGetProperty("detail", out var detail) ? detail.GetRawText() : "-");
        }).Order(StringComparer.Ordinal),
    ];
}
