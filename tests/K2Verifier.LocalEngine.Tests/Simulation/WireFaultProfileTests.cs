using System.Text.Json;
using K2Verifier.Results;
using K2Verifier.Validation;
using K2Verifier.Wire;

namespace K2Verifier.LocalEngine.Tests.Simulation;

/// <summary>The wire-fault profiles produce exactly the findings they inject, on the whole k2v-4000 dataset.</summary>
public sealed class WireFaultProfileTests
{
    private static readonly Lazy<Task<Dictionary<int, CaseResult>>> Reference = new(() => RowsAsync("reference"));

    [Fact]
    public async Task Run_ReferenceProfile_NoWireFindings()
    {
        var rows = await Reference.Value;

        Assert.Equal(4000, rows.Count);
        Assert.All(rows.Values, r => Assert.Empty(r.WireFindings));
    }

    [Theory]
    [InlineData("leaking-parser")]
    [InlineData("nonstandard-finish")]
    [InlineData("early-eos")]
    public async Task Run_WireFaultProfile_ExactlyTheInjectedFindings(string profile)
    {
        // Arrange: the same seed, so the model writes the same completions as in the reference run.
        var reference = await Reference.Value;

        // Act
        var rows = await RowsAsync(profile);

        // Assert: per row, the findings follow from the reference row's outcome and nothing else.
        Assert.Equal(reference.Keys.Order(), rows.Keys.Order());
        var injected = 0;
        foreach (var (index, row) in rows)
        {
            var expected = Expected(profile, reference[index]);
            injected += expected.Count > 0 ? 1 : 0;
            Assert.True(expected.SequenceEqual(row.WireFindings.Select(f => f.Code)), $"{profile} row {index}: expected [{string.Join(", ", expected)}], got {WireJson.ToJson(row.WireFindings)}");
            if (expected.FirstOrDefault() == "leaked_marker")
            {
                Assert.StartsWith("<|tool_calls_section_begin|>", row.WireFindings[0].Excerpt, StringComparison.Ordinal);
            }
        }

        Assert.True(injected > 1000, $"only {injected} rows injected");
    }

    private static List<string> Expected(string profile, CaseResult reference)
    {
        var toolCalls = reference.FinishReason == "tool_calls";
        return profile switch
        {
            "leaking-parser" when toolCalls => ["leaked_marker"],
            "nonstandard-finish" when reference.FinishReason == "stop" => ["non_standard_finish_reason"],

            // One call cut by EOS arrives as text: its markers leak (section begin, call begin, argument begin) and a
            // required or named tool_choice goes unanswered. With several calls the parser keeps the complete ones (as
            // vLLM does) while the server still says stop.
            "early-eos" when toolCalls && Calls(reference) > 1 => ["stop_with_tool_calls"],
            "early-eos" when toolCalls => [.. Enumerable.Repeat("leaked_marker", 3), .. ForcedChoice(reference) ? ["tool_choice_not_honoured"] : Array.Empty<string>()],
            _ => [],
        };
    }

    private static int Calls(CaseResult reference)
    {
        using var response = JsonDocument.Parse(reference.ResponseJson!);
        return response.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("tool_calls").GetArrayLength();
    }

    private static bool ForcedChoice(CaseResult reference)
    {
        using var request = JsonDocument.Parse(reference.RequestJson);
        return WireRequest.From(request.RootElement).ToolChoice is "required" or "function";
    }

    private static async Task<Dictionary<int, CaseResult>> RowsAsync(string profile)
    {
        var samples = Path.Combine(SimulationFixtures.DatasetFolder, "samples.jsonl");
        var folder = Directory.CreateTempSubdirectory("k2v-wire-").FullName;
        var copy = Path.Combine(folder, "samples.jsonl");
        File.Copy(samples, copy);
        var (_, resultsPath) = await SimulationFixtures.RunAsync(copy, profile);

        // What score recomputes from the journal equals what the run recorded.
        var rescored = new ResultsScorer(new CaseEvaluator(JsonSchemaValidator.Default)).Read(resultsPath).Outcomes.ToDictionary(o => o.DataIndex);
        var rows = ResultsFile.Read(resultsPath).Select(r => r.Result!).ToDictionary(r => r.DataIndex);
        Assert.All(rows.Values, r => Assert.Equal(WireJson.ToJson(r.WireFindings), WireJson.ToJson(rescored[r.DataIndex].WireFindings)));
        return rows;
    }
}
