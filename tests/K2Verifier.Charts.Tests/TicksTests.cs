using K2Verifier.Charts.Rendering;

namespace K2Verifier.Charts.Tests;

public sealed class TicksTests
{
    [Theory]
    [InlineData(0, 1, 0, 1, 0.2)]
    [InlineData(0, 97, 0, 100, 20)]
    [InlineData(0.7, 1, 0.7, 1, 0.1)]
    [InlineData(0, 0, 0, 1, 0.2)]
    public void Linear_CoversTheRangeWithNiceSteps(double min, double max, double low, double high, double step)
    {
        var (from, to, values) = Ticks.Linear(min, max);

        Assert.Equal(low, from, 9);
        Assert.Equal(high, to, 9);
        Assert.Equal(step, values[1] - values[0], 9);
    }

    [Fact]
    public void Log_DecadesWithTwoAndFiveOnShortRanges()
    {
        var (low, high, values) = Ticks.Log(120, 4300);

        Assert.Equal(100, low, 9);
        Assert.Equal(10_000, high, 9);
        Assert.Equal([100, 200, 500, 1000, 2000, 5000, 10_000], values.Select(v => Math.Round(v)));
    }

    [Fact]
    public void Palette_IsOkabeIto()
    {
        Assert.Equal(["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"], Palette.OkabeIto);
        Assert.Equal(Palette.OkabeIto[0], Palette.At(8));
    }
}
