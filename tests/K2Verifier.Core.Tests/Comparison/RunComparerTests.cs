using K2Verifier.Baselines;
using K2Verifier.Comparison;
using K2Verifier.Results;

namespace K2Verifier.Core.Tests.Comparison;

public sealed class RunComparerTests
{
    [Fact]
    public void Compare_DetectsEachKindOfChange()
    {
        CaseOutcome[] a = [TestData.Outcome(1, "tool_calls", valid: true), TestData.Outcome(2, "stop"), TestData.Outcome(3, "tool_calls", valid: true), TestData.Outcome(4, "stop"), TestData.Outcome(5, "stop")];
        CaseOutcome[] b = [TestData.Outcome(1, "stop"), TestData.Outcome(2, "stop"), TestData.Outcome(3, "tool_calls", valid: false), TestData.Outcome(4, null, status: CaseStatus.Failed), TestData.Outcome(6, "stop")];

        var comparison = RunComparer.Compare("a", a, "b", b);

        Assert.Equal(4, comparison.CommonRequests);
        Assert.Equal([5], comparison.OnlyInA);
        Assert.Equal([6], comparison.OnlyInB);
        Assert.Equal(
            [new RequestChange(1, "trigger", "tool_calls", "stop"), new RequestChange(3, "validity", "valid", "invalid"), new RequestChange(4, "status", "success", "failed")],
            comparison.Changes);
    }

    [Fact]
    public void Compare_Deltas_HandComputedOverCommonRequests()
    {
        CaseOutcome[] a = [TestData.Outcome(1, "tool_calls", valid: true), TestData.Outcome(2, "tool_calls", valid: true), TestData.Outcome(3, "stop"), TestData.Outcome(4, "stop")];
        CaseOutcome[] b = [TestData.Outcome(1, "tool_calls", valid: true), TestData.Outcome(2, "tool_calls", valid: false), TestData.Outcome(3, "tool_calls", valid: true), TestData.Outcome(4, "stop")];
        var baseline = new Baseline("e", BaselineKind.Expectations, new Dictionary<int, BaselineEntry>
        {
            [1] = new(1, "tool_calls", false, null),
            [2] = new(2, "tool_calls", false, null),
            [3] = new(3, "stop", false, null),
            [4] = new(4, "stop", false, null),
        });

        var comparison = RunComparer.Compare("a", a, "b", b, baseline);
        var deltas = comparison.Deltas.ToDictionary(d => d.Metric);

        Assert.Equal((0.5, 0.75, 0.25), (deltas["tool_calls_rate"].A!.Value, deltas["tool_calls_rate"].B!.Value, deltas["tool_calls_rate"].Delta!.Value));
        Assert.Equal((1.0, 0.666667), (deltas["schema_accuracy"].A!.Value, deltas["schema_accuracy"].B!.Value));
        Assert.Equal((1.0, 0.8), (deltas["tool_call_f1"].A!.Value, deltas["tool_call_f1"].B!.Value));
        Assert.Equal(0.8, comparison.SimilarityF1);
        Assert.NotNull(deltas["tool_call_f1"].DeltaInterval);
        Assert.Equal(Json(comparison), Json(RunComparer.Compare("a", a, "b", b, baseline)));
    }

    private static string Json(RunComparison comparison) => System.Text.Json.JsonSerializer.Serialize(comparison);

    [Fact]
    public void Flatten_GatesSeeDeltasAndCounts()
    {
        var comparison = RunComparer.Compare("a", [TestData.Outcome(1, "tool_calls", valid: true)], "b", [TestData.Outcome(1, "stop")]);

        var metrics = ComparisonMetrics.Flatten(comparison);

        Assert.Equal(1, metrics["trigger_changes"]);
        Assert.Equal(-1, metrics["delta.tool_calls_rate"]);
        Assert.True(ComparisonMetrics.IsKnown("delta.tool_call_f1"));
        Assert.False(ComparisonMetrics.IsKnown("delta.nonsense"));
    }
}
