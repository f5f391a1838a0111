using K2Verifier.Results;
using K2Verifier.Running;

namespace K2Verifier.Core.Tests.Running;

public sealed class RunVerdictPolicyTests
{
    [Fact]
    public void CouldNotMeasure_EveryRowFailed_SaysNoRequestSucceeded() =>
        Assert.Equal("no request succeeded: all 3 failed", RunVerdictPolicy.CouldNotMeasure(Rows(0, 3), 1.0));

    [Theory]
    [InlineData(95, 5, 0.05, false)]
    [InlineData(94, 6, 0.05, true)]
    [InlineData(50, 50, 0.5, false)]
    [InlineData(100, 0, 0.0, false)]
    public void CouldNotMeasure_FailureRateAgainstTheLimit(int succeeded, int failed, double limit, bool expected) =>
        Assert.Equal(expected, RunVerdictPolicy.CouldNotMeasure(Rows(succeeded, failed), limit) is not null);

    [Fact]
    public void CouldNotMeasure_NoRows_IsAProblem() =>
        Assert.NotNull(RunVerdictPolicy.CouldNotMeasure([], RunVerdictPolicy.DefaultMaxFailureRate));

    private static List<CaseOutcome> Rows(int succeeded, int failed) =>
    [
        .. Enumerable.Range(1, succeeded).Select(i => TestData.Outcome(i, "stop")),
        .. Enumerable.Range(succeeded + 1, failed).Select(i => TestData.Outcome(i, null, status: CaseStatus.Failed)),
    ];
}
