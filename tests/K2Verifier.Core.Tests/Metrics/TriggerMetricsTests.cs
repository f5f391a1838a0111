using K2Verifier.Baselines;
using K2Verifier.Metrics;
using K2Verifier.Results;

namespace K2Verifier.Core.Tests.Metrics;

public sealed class TriggerMetricsTests
{
    [Fact]
    public void ConfusionCounts_HandComputed()
    {
        var counts = new ConfusionCounts(Tp: 8, Fp: 2, Fn: 4, Tn: 6);

        Assert.Equal(0.8, counts.Precision!.Value, 12);
        Assert.Equal(8.0 / 12, counts.Recall!.Value, 12);
        Assert.Equal(16.0 / 22, counts.F1!.Value, 12);
    }

    [Fact]
    public void ConfusionCounts_NothingPredicted_PrecisionAndF1Undefined()
    {
        var counts = new ConfusionCounts(Tp: 0, Fp: 0, Fn: 5, Tn: 5);

        Assert.Null(counts.Precision);
        Assert.Equal(0, counts.Recall);
        Assert.Null(counts.F1);
    }

    [Fact]
    public void ConfusionCounts_PredictedButAllWrong_F1IsZero()
    {
        Assert.Equal(0, new ConfusionCounts(Tp: 0, Fp: 3, Fn: 2, Tn: 1).F1);
    }

    [Theory]
    [InlineData(8, 10, 0.490163, 0.943317)]
    [InlineData(0, 10, 0.0, 0.277533)]
    [InlineData(10, 10, 0.722467, 1.0)]
    [InlineData(50, 100, 0.403832, 0.596168)]
    public void Wilson_KnownValues(int successes, int trials, double low, double high)
    {
        var interval = Interval.Wilson(successes, trials)!;

        Assert.Equal(low, interval.Low, 5);
        Assert.Equal(high, interval.High, 5);
    }

    [Fact]
    public void Wilson_NoTrials_Undefined()
    {
        Assert.Null(Interval.Wilson(0, 0));
    }

    [Fact]
    public void BootstrapF1_SeededAndReproducible_ContainsThePointEstimate()
    {
        var pairs = Pairs(tp: 80, fp: 15, fn: 20, tn: 85);

        var first = TriggerMetricsCalculator.BootstrapF1(pairs)!;
        var second = TriggerMetricsCalculator.BootstrapF1(pairs)!;

        Assert.Equal(first, second);
        var f1 = 160.0 / 195;
        Assert.InRange(f1, first.Low, first.High);
        Assert.True(first.High - first.Low is > 0.03 and < 0.2, $"width {first.High - first.Low}");
    }

    [Fact]
    public void BootstrapF1_PerfectAgreement_Degenerate()
    {
        Assert.Equal(new Interval(1, 1), TriggerMetricsCalculator.BootstrapF1(Pairs(tp: 30, fp: 0, fn: 0, tn: 30)));
    }

    [Fact]
    public void Calculate_WithBaseline_JoinsListsAndCounts()
    {
        // Baseline: 1..6; ours: 1..5 and 7. Row 2 failed here; baseline row 3 failed there.
        var baseline = new Baseline("official.jsonl", BaselineKind.OfficialResults, new Dictionary<int, BaselineEntry>
        {
            [1] = new(1, "tool_calls", false, null),
            [2] = new(2, "tool_calls", false, null),
            [3] = new(3, null, true, null),
            [4] = new(4, "stop", false, null),
            [5] = new(5, "length", false, null),
            [6] = new(6, "tool_calls", false, null),
        });
        CaseOutcome[] ours =
        [
            TestData.Outcome(1, "tool_calls", valid: true),
            TestData.Outcome(2, null, status: CaseStatus.Failed),
            TestData.Outcome(3, "tool_calls", valid: true),
            TestData.Outcome(4, "tool_calls", valid: false),
            TestData.Outcome(5, "stop"),
            TestData.Outcome(7, "stop"),
        ];

        var summary = MetricsCalculator.Calculate(ours, new RunInfo(), baseline: baseline);

        Assert.Equal((1, 1, 0, 1), (summary.Tp!.Value, summary.Fp!.Value, summary.Fn!.Value, summary.Tn!.Value));
        Assert.Equal(0.5, summary.ToolCallPrecision);
        Assert.Equal(1.0, summary.ToolCallRecall);
        Assert.Equal(0.666667, summary.ToolCallF1);
        var join = summary.Baseline!;
        Assert.Equal(3, join.Joined);
        Assert.Equal([7], join.MissingInBaseline);
        Assert.Equal([6], join.MissingInRun);
        Assert.Equal([2], join.FailedInRun);
        Assert.Equal([3], join.FailedInBaseline);
        Assert.NotNull(summary.Intervals["tool_call_f1"]);
    }

    [Fact]
    public void Calculate_NoToolCallsAnywhere_UndefinedNotZeroOrNaN()
    {
        var baseline = new Baseline("e.jsonl", BaselineKind.Expectations, new Dictionary<int, BaselineEntry> { [1] = new(1, "tool_calls", false, null) });

        var summary = MetricsCalculator.Calculate([TestData.Outcome(1, "stop")], new RunInfo(), baseline: baseline);
        var json = RunSummaryWriter.ToJson(summary);

        Assert.Null(summary.ToolCallPrecision);
        Assert.Null(summary.ToolCallF1);
        Assert.Equal(["tool_call_precision", "tool_call_f1", "schema_accuracy"], summary.UndefinedMetrics);
        Assert.Contains("\"tool_call_precision\": null", json);
        Assert.Contains("\"tool_call_recall\": 0", json);
        Assert.DoesNotContain("NaN", json);
    }

    [Fact]
    public void Calculate_Categories_SlicedFromTheBaseline()
    {
        var baseline = new Baseline("e.jsonl", BaselineKind.Expectations, new Dictionary<int, BaselineEntry>
        {
            [1] = new(1, "tool_calls", false, "search"),
            [2] = new(2, "stop", false, "search"),
            [3] = new(3, "stop", false, "chat"),
        });

        var summary = MetricsCalculator.Calculate([TestData.Outcome(1, "tool_calls", valid: true), TestData.Outcome(2, "tool_calls", valid: false), TestData.Outcome(3, "stop")], new RunInfo(), baseline: baseline);

        Assert.Equal(["chat", "search"], summary.Categories.Keys);
        var search = summary.Categories["search"];
        Assert.Equal((2, 2, 1, 0.5), (search.Requests, search.FinishToolCalls, search.SuccessfulToolCallCount, search.SchemaAccuracy!.Value));
        Assert.Equal(0.666667, search.ToolCallF1);
        Assert.Null(summary.Categories["chat"].ToolCallF1);
    }

    private static List<(bool, bool)> Pairs(int tp, int fp, int fn, int tn) =>
        [.. Enumerable.Repeat((true, true), tp), .. Enumerable.Repeat((true, false), fp), .. Enumerable.Repeat((false, true), fn), .. Enumerable.Repeat((false, false), tn)];
}
