using K2Verifier.Metrics;
using K2Verifier.Results;
using K2Verifier.Validation;

namespace K2Verifier.Core.Tests.Metrics;

public sealed class MetricsCalculatorTests
{
    [Fact]
    public void Calculate_K2vvCountingRules()
    {
        var outcomes = new[]
        {
            TestData.Outcome(1, "stop"),
            TestData.Outcome(2, "tool_calls", valid: true),
            TestData.Outcome(3, "tool_calls", valid: false, invalidCategories: ToolCallErrorCategory.UndeclaredTool),
            TestData.Outcome(4, "tool_calls", valid: null, invalidCategories: ToolCallErrorCategory.EmptyToolCalls),
            TestData.Outcome(5, "length"),
            TestData.Outcome(6, "content_filter"),
            TestData.Outcome(7, null, status: CaseStatus.Failed),
            TestData.Outcome(8, null),
        };

        var summary = MetricsCalculator.Calculate(outcomes, new RunInfo { Model = "m" });

        Assert.Equal(7, summary.SuccessCount);
        Assert.Equal(1, summary.FailureCount);
        Assert.Equal(1, summary.FinishStop);
        Assert.Equal(3, summary.FinishToolCalls);
        Assert.Equal(1, summary.SuccessfulToolCallCount);
        Assert.Equal(2, summary.SchemaValidationErrorCount);
        Assert.Equal(2, summary.FinishOthers);
        Assert.Equal(new Dictionary<string, int> { ["content_filter"] = 1, ["length"] = 1 }, summary.FinishOthersDetail);
        Assert.Equal(0.333333, summary.SchemaAccuracy);
        Assert.Equal(1, summary.ErrorCategories[ToolCallErrorCategory.UndeclaredTool]);
        Assert.Equal(1, summary.ErrorCategories[ToolCallErrorCategory.EmptyToolCalls]);
        Assert.Equal(1, summary.FailureCategories["timeout"]);
        Assert.Equal(8, summary.TotalRows);
    }

    [Fact]
    public void Calculate_NoToolCalls_SchemaAccuracyUndefined()
    {
        var summary = MetricsCalculator.Calculate([TestData.Outcome(1, "stop")], new RunInfo());

        Assert.Null(summary.SchemaAccuracy);
        Assert.Contains("\"schema_accuracy\": null", RunSummaryWriter.ToJson(summary));
    }

    [Fact]
    public void Calculate_RepeatedDataIndex_LatestWins()
    {
        var outcomes = new[]
        {
            TestData.Outcome(1, null, status: CaseStatus.Failed, lastRunAt: "2025-11-15T10:00:00.000000"),
            TestData.Outcome(1, "stop", lastRunAt: "2025-11-15T11:00:00.000000"),
            TestData.Outcome(2, "stop", lastRunAt: "2025-11-15T12:00:00.000000"),
            TestData.Outcome(2, null, status: CaseStatus.Failed, lastRunAt: "2025-11-15T09:00:00.000000"),
        };

        var summary = MetricsCalculator.Calculate(outcomes, new RunInfo());

        Assert.Equal(2, summary.SuccessCount);
        Assert.Equal(0, summary.FailureCount);
    }

    [Fact]
    public void Percentiles_LinearInterpolation_LikeNumpy()
    {
        long[] values = [10, 20, 30, 40];

        Assert.Equal(25, Percentiles.Of(values, 50));
        Assert.Equal(37, Percentiles.Of(values, 90)!.Value, 6);
        Assert.Null(Percentiles.Of([], 50));
    }

    [Fact]
    public void Summary_Json_HasK2vvKeysFirst()
    {
        var json = RunSummaryWriter.ToJson(MetricsCalculator.Calculate([TestData.Outcome(1, "stop")], new RunInfo { Model = "m" }));

        string[] keys = ["model", "success_count", "failure_count", "finish_stop", "finish_tool_calls", "finish_others", "finish_others_detail",
            "schema_validation_error_count", "successful_tool_call_count", "usage", "eval_started_at", "eval_finished_at", "eval_duration_ms"];
        var positions = keys.Select(k => json.IndexOf($"\"{k}\":", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }
}
