using K2Verifier.Gates;
using K2Verifier.Metrics;

namespace K2Verifier.Core.Tests.Gates;

public sealed class SummaryGatesTests
{
    [Fact]
    public void Evaluate_TriggerMetricWithoutBaseline_CannotBeEvaluatedNamingTheBaseline()
    {
        var summary = new RunSummary { SuccessCount = 3, FinishToolCalls = 3 };

        var results = SummaryGates.Evaluate([GateExpression.Parse("tool_call_f1>=0.8"), GateExpression.Parse("categories.x.tool_call_recall>=0.5"), GateExpression.Parse("success_count>=3")], summary);

        Assert.Equal(["cannot_evaluate", "cannot_evaluate", "pass"], results.Select(r => r.Verdict));
        Assert.Contains("--baseline", results[0].Note, StringComparison.Ordinal);
        Assert.Equal(GateVerdicts.CannotEvaluate, GateVerdicts.Of(results));
    }

    [Fact]
    public void Evaluate_TriggerMetricWithBaselineButUndefined_FailsAsBefore()
    {
        var summary = new RunSummary { Baseline = new BaselineJoin { Path = "b.jsonl", Kind = "expectations" } };

        var result = SummaryGates.Evaluate([GateExpression.Parse("tool_call_precision>=0.8")], summary).Single();

        Assert.Equal("fail", result.Verdict);
    }

    [Fact]
    public void Record_IncompleteRun_VerdictIncompleteWhateverTheGates()
    {
        var summary = new RunSummary { SuccessCount = 3, Run = new RunInfo { Complete = false } };
        var results = SummaryGates.Evaluate([GateExpression.Parse("failure_count==0")], summary);

        var recorded = SummaryGates.Record(summary, results);

        Assert.Equal(GateVerdicts.Incomplete, recorded.Verdict);
        Assert.Equal("pass", recorded.Gates.Single().Verdict);
    }
}
