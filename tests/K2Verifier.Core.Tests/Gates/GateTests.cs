using K2Verifier.Gates;
using K2Verifier.Metrics;

namespace K2Verifier.Core.Tests.Gates;

public sealed class GateTests
{
    [Theory]
    [InlineData("tool_call_f1>=0.80", "tool_call_f1", ">=", 0.80)]
    [InlineData(" failure_count == 0 ", "failure_count", "==", 0)]
    [InlineData("delta.tool_call_f1>=-0.02", "delta.tool_call_f1", ">=", -0.02)]
    [InlineData("latency_ms.p99<1e4", "latency_ms.p99", "<", 10000)]
    public void Parse_ValidGate(string text, string metric, string op, double threshold)
    {
        var gate = GateExpression.Parse(text);

        Assert.Equal((metric, op, threshold), (gate.Metric, gate.Operator, gate.Threshold));
    }

    [Theory]
    [InlineData("tool_call_f1=>0.8")]
    [InlineData("tool_call_f1")]
    [InlineData(">=0.8")]
    [InlineData("f1>=high")]
    public void Parse_Malformed_Throws(string text)
    {
        Assert.Throws<FormatException>(() => GateExpression.Parse(text));
    }

    [Theory]
    [InlineData(">=", 0.8, true)]
    [InlineData(">", 0.8, false)]
    [InlineData("<=", 0.8, true)]
    [InlineData("<", 0.8, false)]
    [InlineData("==", 0.8, true)]
    [InlineData("!=", 0.8, false)]
    [InlineData(">=", 0.81, false)]
    public void IsSatisfiedBy_Operators(string op, double threshold, bool expected)
    {
        Assert.Equal(expected, new GateExpression("g", "m", op, threshold).IsSatisfiedBy(0.8));
    }

    [Fact]
    public void Evaluate_UndefinedMetric_FailsWithNote()
    {
        var results = GateEvaluator.Evaluate([GateExpression.Parse("tool_call_precision>=0.5")], new Dictionary<string, double?> { ["tool_call_precision"] = null });

        var result = Assert.Single(results);
        Assert.False(result.Passed);
        Assert.Null(result.Actual);
        Assert.Contains("undefined", result.Note);
    }

    [Fact]
    public void Evaluate_AbsentCounter_ReadsAsZero()
    {
        var results = GateEvaluator.Evaluate([GateExpression.Parse("error_categories.undeclared_tool==0")], new Dictionary<string, double?>(), SummaryMetrics.CountPrefixes);

        Assert.True(Assert.Single(results).Passed);
    }

    [Fact]
    public void UnknownMetrics_ListsNamesNotInTheSummary()
    {
        GateExpression[] gates = [GateExpression.Parse("tool_call_f2>=1"), GateExpression.Parse("schema_accuracy>=0.9"), GateExpression.Parse("categories.search.tool_call_f1>=0.5")];

        Assert.Equal(["tool_call_f2"], GateEvaluator.UnknownMetrics(gates, SummaryMetrics.IsKnown));
    }

    [Fact]
    public void Flatten_SummaryMetrics_HasEveryFixedName()
    {
        var summary = MetricsCalculator.Calculate([TestData.Outcome(1, "stop")], new RunInfo());

        var metrics = SummaryMetrics.Flatten(summary);

        Assert.All(SummaryMetrics.Names.Where(n => !n.StartsWith("intervals.tool_call", StringComparison.Ordinal)), n => Assert.True(metrics.ContainsKey(n), n));
        Assert.Equal(1, metrics["finish_stop"]);
    }
}
