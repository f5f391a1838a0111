using K2Verifier.Charts.Plotting;

namespace K2Verifier.Charts.Tests;

public sealed class LogTicksTests
{
    [Fact]
    public void For_ShortRange_DecadesWithTwoAndFive()
    {
        var (low, high, values) = LogTicks.For(120, 4300);

        Assert.Equal(2, low, 9);
        Assert.Equal(4, high, 9);
        Assert.Equal([100, 200, 500, 1000, 2000, 5000, 10_000], values.Select(v => Math.Round(v)));
    }

    [Fact]
    public void For_LongRange_DecadesOnly()
    {
        var (_, _, values) = LogTicks.For(3, 250_000);

        Assert.Equal([1, 10, 100, 1000, 10_000, 100_000, 1_000_000], values.Select(v => Math.Round(v)));
    }
}
