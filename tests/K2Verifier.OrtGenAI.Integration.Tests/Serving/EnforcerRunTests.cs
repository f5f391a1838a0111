using K2Verifier.Common;
using K2Verifier.OrtGenAI.Guidance;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace K2Verifier.OrtGenAI.Integration.Tests.Serving;

/// <summary>
/// The Enforcer end to end: the 40 BFCL requests with <c>tool_choice: "required"</c> (merged by <c>--extra-body</c>)
/// on random-weight tiny-random-gpt2, scored by our validator. With <c>--enforce</c> every tool call is schema-valid;
/// without it the model writes no valid call.
/// </summary>
public sealed class EnforcerRunTests(ITestOutputHelper output)
{
    private const string Required = """{"tool_choice": "required"}""";

    [NativeFact]
    public async Task Run_EnforceWithRequiredToolChoice_EveryToolCallIsSchemaValid()
    {
        using var folder = new TemporaryFolder();

        var run = await LocalRun.RunAsync(folder, LocalRun.FirstFortyBfclLines(folder), "--enforce", "--extra-body", Required);

        output.WriteLine(run.Out);
        Assert.True(run.ExitCode == (int)ExitCode.Ok, run.Error);
        Assert.Contains("Enforcer on", run.Error);
        var calls = run.Count("finish_tool_calls");
        // Rows whose prompt leaves fewer tokens than a whole call end with length; every call that closes is valid.
        Assert.InRange(calls, 20, 38);
        Assert.Equal(calls, run.Count("successful_tool_call_count"));
        Assert.Equal(0, run.Count("schema_validation_error_count"));
        Assert.Equal(0, run.Count("finish_stop"));
        Assert.Equal(1.0, run.Summary.GetProperty("schema_accuracy").GetDouble());
        var checks = run.Rows.Where(r => r.TryGetProperty("tool_call_checks", out _)).SelectMany(r => r.GetProperty("tool_call_checks").EnumerateArray()).ToArray();
        // A row may hold several calls (tool_choice required allows as many as fit in the budget).
        Assert.InRange(checks.Length, calls, calls * new ToolCallGrammarOptions().MaxCalls);
        Assert.All(checks, c => Assert.True(c.GetProperty("valid").GetBoolean()));
    }

    [NativeFact]
    public async Task Run_SameRequestsWithoutEnforce_HaveNoValidToolCall()
    {
        using var folder = new TemporaryFolder();

        var run = await LocalRun.RunAsync(folder, LocalRun.FirstFortyBfclLines(folder), "--extra-body", Required, "--max-tokens", "64");

        Assert.True(run.ExitCode == (int)ExitCode.Ok, run.Error);
        Assert.Contains("Enforcer off", run.Error);
        Assert.Equal(38, run.Count("success_count"));
        Assert.Equal(0, run.Count("successful_tool_call_count"));
        Assert.Equal(0, run.Count("finish_tool_calls"));
    }
}
