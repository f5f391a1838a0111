using System.Globalization;
using System.Text.Json.Nodes;
using K2Verifier.Cli;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Runs;
using K2Verifier.LocalEngine.Simulation;

namespace K2Verifier.Integration.Tests.Simulation;

/// <summary><c>run --use-raw-completions</c> against a loopback vendor that implements <c>/v1/completions</c>.</summary>
public sealed class RawCompletionsRunTests
{
    private const string KimiCall = "<|tool_calls_section_begin|><|tool_call_begin|>functions.get_weather:0<|tool_call_argument_begin|>{\"city\": \"Paris\"}<|tool_call_end|><|tool_calls_section_end|>";

    [Fact]
    public async Task Run_UseRawCompletions_RendersPromptPostsCompletionsAndParsesKimiText()
    {
        // Arrange: the vendor answers one request with a Kimi-format tool call as raw text, the other with plain text.
        await using var server = await FakeVendorServer.StartAsync();
        server.OnRequest = r => r.Key.Contains("<|im_middle|>call<|im_end|>", StringComparison.Ordinal)
            ? FakeReplies.Reply(new FakeCompletion { Content = KimiCall })
            : FakeReplies.Stop("Plain answer.");
        var folder = RunFixture.Folder();
        var dataset = RunFixture.Dataset(folder, ["call", "plain"]);
        var template = Path.Combine(folder, "kimi.jinja");
        await File.WriteAllTextAsync(template, SimulatorTemplates.Source("kimi-k2-sim.jinja"));
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var results = Path.Combine(folder, "results.jsonl");

        // Act
        var exit = await CliApp.RunAsync(
            ["run", dataset, "--base-url", server.BaseUrl.ToString(), "--model", "m", "--use-raw-completions", "--chat-template", template,
             "--output", results, "--summary", Path.Combine(folder, "summary.json")],
            new CliConsole(output, error));

        // Assert: every request went to /v1/completions with a prompt that ends in the assistant opener.
        Assert.Equal(0, exit);
        Assert.All(server.Requests, r =>
        {
            Assert.True(r.IsCompletions, r.Path);
            var prompt = JsonNode.Parse(r.Body)!["prompt"]!.GetValue<string>();
            Assert.EndsWith(PolicyModel.AssistantOpener, prompt, StringComparison.Ordinal);
        });
        var rows = RunFixture.Rows(results);
        var lines = (await File.ReadAllLinesAsync(results)).Select(l => JsonNode.Parse(l)!).ToList();
        var call = lines.Single(l => l["finish_reason"]!.GetValue<string>() == "tool_calls");
        Assert.True(call["tool_calls_valid"]!.GetValue<bool>(), call.ToJsonString());
        Assert.Equal(KimiCall, call["response"]!["raw_completion_text"]!.GetValue<string>());
        Assert.Contains(lines, l => l["finish_reason"]!.GetValue<string>() == "stop");
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task Run_UseRawCompletionsWithoutTemplate_ExitsUsageError()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var folder = RunFixture.Folder();
        var dataset = RunFixture.Dataset(folder, ["a"]);

        var exit = await CliApp.RunAsync(["run", dataset, "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--use-raw-completions"], new CliConsole(output, error));

        Assert.Equal(2, exit);
        Assert.Contains("--use-raw-completions needs --chat-template FILE", error.ToString(), StringComparison.Ordinal);
    }
}
