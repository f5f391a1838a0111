using System.Text.Json.Nodes;
using K2Verifier.LocalEngine.Simulation;

namespace K2Verifier.LocalEngine.Tests.Simulation;

public sealed class SimulatedBackendTests
{
    private static readonly Lazy<string> Samples = new(() => SimulationFixtures.Subset(300));

    [Fact]
    public async Task Run_ReferenceProfile_AgreesWithExpectedLabels()
    {
        var (summary, _) = await SimulationFixtures.RunAsync(Samples.Value, "reference");

        Assert.True(summary.ToolCallF1 >= 0.9, $"F1 {summary.ToolCallF1}");
        Assert.True(summary.SchemaAccuracy >= 0.99, $"schema accuracy {summary.SchemaAccuracy}");
        Assert.Equal(0, summary.FailureCount);
    }

    [Fact]
    public async Task Run_Vllm0110Profile_ShowsThePublishedShape()
    {
        var reference = (await SimulationFixtures.RunAsync(Samples.Value, "reference")).Summary;
        var vllm = (await SimulationFixtures.RunAsync(Samples.Value, "vllm-0.11.0")).Summary;

        Assert.True(vllm.FinishStop > reference.FinishStop + 50, $"stop {vllm.FinishStop} vs {reference.FinishStop}");
        Assert.True(vllm.SuccessfulToolCallCount * 2 < reference.SuccessfulToolCallCount, $"valid calls {vllm.SuccessfulToolCallCount} vs {reference.SuccessfulToolCallCount}");
        Assert.True(vllm.ErrorCategories.GetValueOrDefault("undeclared_tool") > 0, "no undeclared_tool errors");
    }

    [Theory]
    [InlineData("schema-drift")]
    [InlineData("truncating")]
    [InlineData("flaky")]
    public async Task Run_FaultProfile_ShowsItsFault(string profile)
    {
        var (summary, _) = await SimulationFixtures.RunAsync(Samples.Value, profile);

        switch (profile)
        {
            case "schema-drift":
                Assert.True(summary.SchemaAccuracy < 0.9, $"schema accuracy {summary.SchemaAccuracy}");
                break;
            case "truncating":
                // Only calls cut before <|tool_call_end|> stay length; a complete call before the cap is tool_calls, as vLLM reports.
                Assert.True(summary.FinishOthersDetail.GetValueOrDefault("length") > 5, $"few length finishes: {summary.FinishOthersDetail.GetValueOrDefault("length")} of {summary.SuccessCount}, tool_calls {summary.FinishToolCalls}");
                break;
            default:
                Assert.True(summary.RetriedRequests > 10, $"retried {summary.RetriedRequests}");
                break;
        }
    }

    [Fact]
    public async Task Run_SameSeed_SameJournalModuloTimes()
    {
        var samples = SimulationFixtures.Subset(120);
        var first = await SimulationFixtures.RunAsync(samples, "vllm-0.11.0", seed: 7, concurrency: 1);
        var firstRows = Normalise(first.ResultsPath);
        var second = await SimulationFixtures.RunAsync(samples, "vllm-0.11.0", seed: 7, concurrency: 6);

        Assert.Equal(firstRows, Normalise(second.ResultsPath));
    }

    [Fact]
    public void Render_Vllm0110_DropsOpenerAndPrintsPartsList()
    {
        var body = JsonNode.Parse("""
            {"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"","tool_calls":[{"id":"functions.f:0","type":"function","function":{"name":"f","arguments":"{}"}}]},
             {"role":"tool","tool_call_id":"functions.f:0","content":"ok"}]}
            """)!.AsObject();

        var reference = new SimulatedBackend(SimulationProfile.Reference, ExpectedLabels.Empty).Render(body);
        var vllm = new SimulatedBackend(SimulationProfile.Vllm0110, ExpectedLabels.Empty).Render(body);

        Assert.EndsWith(PolicyModel.AssistantOpener, reference, StringComparison.Ordinal);
        Assert.DoesNotContain(PolicyModel.PrintedEmptyPartsList, reference, StringComparison.Ordinal);
        Assert.False(vllm.EndsWith(PolicyModel.AssistantOpener, StringComparison.Ordinal));
        Assert.Contains(PolicyModel.PrintedEmptyPartsList, vllm, StringComparison.Ordinal);
    }

    private static List<string> Normalise(string resultsPath) =>
        [.. File.ReadLines(resultsPath).Select(line =>
        {
            var row = JsonNode.Parse(line)!.AsObject();
            row.Remove("last_run_at");
            row.Remove("duration_ms");
            row["response"]?.AsObject().Remove("created");
            return row.ToJsonString();
        }).Order(StringComparer.Ordinal)];
}
