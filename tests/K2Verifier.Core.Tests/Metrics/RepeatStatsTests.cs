using K2Verifier.Metrics;

namespace K2Verifier.Core.Tests.Metrics;

public sealed class RepeatStatsTests
{
    [Fact]
    public void Of_ThreeRuns_HandComputedTInterval()
    {
        var stats = RepeatStats.Of([0.80, 0.82, 0.84])!;

        Assert.Equal(0.82, stats.Mean, 9);
        Assert.Equal((0.80, 0.84), (stats.Min, stats.Max));
        Assert.Equal(0.02, stats.StdDev!.Value, 9);
        Assert.Equal(0.770313, stats.MeanInterval!.Low, 6);
        Assert.Equal(0.869687, stats.MeanInterval.High, 6);
    }

    [Fact]
    public void Of_UndefinedValuesIgnored_SingleRunHasNoInterval()
    {
        var stats = RepeatStats.Of([null, 0.5])!;

        Assert.Equal(1, stats.Runs);
        Assert.Null(stats.MeanInterval);
        Assert.Null(RepeatStats.Of([null, null]));
    }

    [Fact]
    public void RepeatSummary_MeansFeedTheGates()
    {
        var one = MetricsCalculator.Calculate([TestData.Outcome(1, "stop")], new RunInfo());
        var two = MetricsCalculator.Calculate([TestData.Outcome(1, "stop"), TestData.Outcome(2, "stop"), TestData.Outcome(3, "length")], new RunInfo());

        var repeat = RepeatSummary.Of([("s1", one), ("s2", two)]);

        Assert.Equal(2, repeat.Repeats);
        Assert.Equal(1.5, repeat.Means()["finish_stop"]);
    }
}
