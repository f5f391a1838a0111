using K2Verifier.Gates;
using K2Verifier.Metrics;

namespace K2Verifier.Core.Tests.Gates;

public sealed class SuiteGateTests
{
    private static RunSummary WithSuites() => new()
    {
        Suites = new Dictionary<string, SuiteRecord>
        {
            ["params"] = Suite(total: 19, passed: 19, requiredFailed: 0, ("pass", 19)),
            ["tool-choice"] = Suite(total: 14, passed: 10, requiredFailed: 4, ("fail", 4), ("pass", 10)),
        },
    };

    private static SuiteRecord Suite(int total, int passed, int requiredFailed, params (string Status, int Count)[] statuses) => new()
    {
        Outcome = "completed",
        Total = total,
        Passed = passed,
        Failed = total - passed,
        RequiredFailed = requiredFailed,
        ByStatus = statuses.ToDictionary(s => s.Status, s => s.Count),
        ByMode = new Dictionary<string, int>(),
        ByStatusAndMode = new Dictionary<string, IReadOnlyDictionary<string, int>>(),
    };

    [Theory]
    [InlineData("suites.params.required_failed==0", true)]
    [InlineData("suites.params.failed==0", true)]
    [InlineData("suites.tool-choice.required_failed==0", false)]
    [InlineData("suites.tool-choice.passed>=10", true)]
    [InlineData("suites.tool-choice.by_status.fail<=3", false)]
    [InlineData("suites.params.by_status.error==0", true)]
    public void Evaluate_EmbeddedSuites_GatesReadTheirCounts(string text, bool passed)
    {
        var result = SummaryGates.Evaluate([GateExpression.Parse(text)], WithSuites()).Single();

        Assert.True(result.Evaluable, result.Note);
        Assert.Equal(passed, result.Passed);
    }

    [Fact]
    public void Evaluate_NoEmbeddedSuites_NotEvaluableNamingTheOption()
    {
        var result = SummaryGates.Evaluate([GateExpression.Parse("suites.params.required_failed==0")], new RunSummary()).Single();

        Assert.False(result.Evaluable);
        Assert.Contains("--suite-results DIR", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SuiteNotEmbedded_NotEvaluableListingTheEmbeddedOnes()
    {
        var result = SummaryGates.Evaluate([GateExpression.Parse("suites.schema.required_failed==0")], WithSuites()).Single();

        Assert.False(result.Evaluable);
        Assert.Contains("params, tool-choice", result.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SuiteThatDidNotComplete_NotEvaluable()
    {
        var summary = WithSuites() with { Suites = new Dictionary<string, SuiteRecord> { ["params"] = Suite(3, 3, 0, ("pass", 3)) with { Outcome = "endpoint_unavailable" } } };

        var result = SummaryGates.Evaluate([GateExpression.Parse("suites.params.required_failed==0")], summary).Single();

        Assert.False(result.Evaluable);
        Assert.Contains("did not complete (endpoint_unavailable)", result.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("suites.params.required_failed", true)]
    [InlineData("suites.schema.by_status.rejected", true)]
    [InlineData("suites.params.faild", false)]
    [InlineData("suites.params", false)]
    public void IsKnown_SuiteMetricShapes(string name, bool known) => Assert.Equal(known, SummaryMetrics.IsKnown(name));
}
