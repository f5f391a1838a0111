using System.Globalization;
using System.Net;
using System.Text.Json;
using K2Verifier.Cli;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Infrastructure;
using K2Verifier.Integration.Tests.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K2Verifier.Integration.Tests.ScaleOut;

/// <summary>
/// <c>run --metrics-port 0</c>: the Prometheus endpoint is scraped while the fake vendor holds the last request, and
/// the scraped counters equal the journal so far; with the last row they equal the final summary.
/// <c>--otlp-endpoint</c>: a loopback collector receives the OTLP/HTTP export.
/// </summary>
public sealed class LiveMetricsTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Run_MetricsPort_ScrapedCountersMatchTheJournalAndSummary()
    {
        // Arrange: 9 answers, then a tenth held until the test has scraped.
        await using var server = await FakeVendorServer.StartAsync();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.OnRequest = r => r.Key switch
        {
            "last" => new FakeBehavior("held", async (request, context, ct) =>
            {
                held.TrySetResult();
                await release.Task.WaitAsync(ct);
                await FakeReplies.ValidToolCall().ExecuteAsync(request, context, ct);
            }),
            var key when key.StartsWith("call", StringComparison.Ordinal) => FakeReplies.ValidToolCall(),
            var key when key.StartsWith("bad", StringComparison.Ordinal) => FakeReplies.ArgumentsNotJson(),
            _ => FakeReplies.Stop(),
        };
        var folder = RunFixture.Folder();
        var dataset = RunFixture.Dataset(folder, ["call1", "stop1", "call2", "bad1", "stop2", "call3", "bad2", "call4", "stop3-stream", "last"]);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new SignallingWriter("metrics: ");
        using var http = new HttpClient();

        // Act
        var run = CliApp.RunAsync(
            ["run", dataset, "--base-url", server.BaseUrl.ToString(), "--model", "m", "--concurrency", "1", "--metrics-port", "0",
             "--output", Path.Combine(folder, "results.jsonl"), "--summary", Path.Combine(folder, "summary.json")],
            new CliConsole(output, error));
        var scrape = new Uri(await error.Line.Task.WaitAsync(Limit));
        await held.Task.WaitAsync(Limit);
        var during = Parse(await http.GetStringAsync(scrape));
        release.SetResult();
        var exit = await run.WaitAsync(Limit);

        // Assert
        Assert.True(exit == 0, error.ToString());
        Assert.Equal("127.0.0.1", scrape.Host);
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal(root.GetProperty("success_count").GetInt32() - 1, Sum(during, "k2v_requests_total", "k2v_status=\"success\""));
        Assert.Equal(root.GetProperty("finish_stop").GetInt32(), Sum(during, "k2v_requests_total", "gen_ai_response_finish_reason=\"stop\""));
        Assert.Equal(root.GetProperty("finish_tool_calls").GetInt32() - 1, Sum(during, "k2v_requests_total", "gen_ai_response_finish_reason=\"tool_calls\""));
        Assert.Equal(root.GetProperty("successful_tool_call_count").GetInt32() - 1, Sum(during, "k2v_tool_calls_total", "k2v_valid=\"true\""));
        Assert.Equal(root.GetProperty("schema_validation_error_count").GetInt32(), Sum(during, "k2v_tool_calls_total", "k2v_valid=\"false\""));
        Assert.Equal(9, Sum(during, "gen_ai_client_operation_duration_seconds_count", ""));
        Assert.True(Sum(during, "gen_ai_client_token_usage_sum", "gen_ai_token_type=\"input\"") > 0);
        Assert.Equal(1, Sum(during, "k2v_concurrency", ""));
    }

    [Fact]
    public async Task Run_OtlpEndpoint_CollectorReceivesTheExport()
    {
        // Arrange: a loopback OTLP/HTTP collector that records what it receives.
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var collector = builder.Build();
        collector.MapPost("/v1/metrics", (HttpContext context) =>
        {
            received.TrySetResult($"{context.Request.ContentType} {context.Request.ContentLength}");
            return Microsoft.AspNetCore.Http.Results.Ok();
        });
        await collector.StartAsync();
        var address = collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using var server = await FakeVendorServer.StartAsync();
        var folder = RunFixture.Folder();
        var dataset = RunFixture.Dataset(folder, ["a", "b"]);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        // Act
        var exit = await CliApp.RunAsync(
            ["run", dataset, "--base-url", server.BaseUrl.ToString(), "--model", "m", "--otlp-endpoint", address,
             "--output", Path.Combine(folder, "results.jsonl"), "--summary", Path.Combine(folder, "summary.json")],
            new CliConsole(output, error)).WaitAsync(Limit);
        var request = await received.Task.WaitAsync(Limit);

        // Assert
        Assert.True(exit == 0, error.ToString());
        Assert.StartsWith("application/x-protobuf", request, StringComparison.Ordinal);
        Assert.Contains("pushing OTLP to", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MetricsPortOutOfRange_UsageError()
    {
        var exit = await CliApp.RunAsync(["run", "x.jsonl", "--engine", "sim", "--metrics-port", "70000"], new CliConsole(TextWriter.Null, TextWriter.Null));

        Assert.Equal(2, exit);
    }

    /// <summary>Prometheus text lines: (name, labels, value).</summary>
    private static List<(string Name, string Labels, double Value)> Parse(string text) =>
        [.. text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l =>
        {
            var brace = l.IndexOf('{', StringComparison.Ordinal);
            var close = l.LastIndexOf('}');
            var name = brace < 0 ? l[..l.IndexOf(' ', StringComparison.Ordinal)] : l[..brace];
            var labels = brace < 0 ? string.Empty : l[(brace + 1)..close];
            var rest = (brace < 0 ? l[name.Length..] : l[(close + 1)..]).Trim().Split(' ');
            return (name, labels, double.Parse(rest[0], CultureInfo.InvariantCulture));
        })];

    private static int Sum(List<(string Name, string Labels, double Value)> samples, string name, string label) =>
        (int)samples.Where(s => s.Name == name && s.Labels.Contains(label, StringComparison.Ordinal)).Sum(s => s.Value);
}
