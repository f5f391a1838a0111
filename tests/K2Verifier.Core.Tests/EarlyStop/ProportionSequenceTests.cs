using K2Verifier.EarlyStop;

namespace K2Verifier.Core.Tests.EarlyStop;

public sealed class ProportionSequenceTests
{
    [Fact]
    public void Bounds_EveryDrawSeen_ExactCount()
    {
        var sequence = new ProportionSequence(10, 5, 0.05);
        foreach (var x in new[] { true, false, true, true, false, false, true, false, false, false })
        {
            sequence.Add(x);
        }

        Assert.Equal((4.0, 4.0), sequence.Bounds(0.05));
    }

    [Fact]
    public void Bounds_NoDraw_WholeRange()
    {
        Assert.Equal((0.0, 100.0), new ProportionSequence(100, 10, 0.05).Bounds(0.05));
    }

    [Fact]
    public void Bounds_NarrowWithMoreDraws()
    {
        var population = Enumerable.Range(0, 4000).Select(i => i % 10 < 3).ToArray();
        new Random(1).Shuffle(population);
        var sequence = new ProportionSequence(population.Length, 500, 0.05);
        var widths = new List<double>();
        for (var t = 0; t < population.Length; t++)
        {
            sequence.Add(population[t]);
            if (t + 1 is 100 or 500 or 2000)
            {
                var (low, high) = sequence.Bounds(0.05);
                widths.Add(high - low);
            }
        }

        Assert.True(widths[0] > widths[1] && widths[1] > widths[2], string.Join(", ", widths));
        Assert.InRange(widths[1] / 4000, 0.05, 0.25);
    }

    [Fact]
    public void Bounds_HoldAtEveryDrawInNearlyEveryOrder()
    {
        // Arrange: 30 % of 2,000 have the property; 300 random orders.
        const int n = 2000;
        var population = Enumerable.Range(0, n).Select(i => i % 10 < 3).ToArray();
        var violations = 0;

        // Act: an order violates when the interval misses the true count (600) at any draw.
        for (var seed = 0; seed < 300; seed++)
        {
            var order = (bool[])population.Clone();
            new Random(seed).Shuffle(order);
            var sequence = new ProportionSequence(n, 250, 0.05);
            var missed = false;
            foreach (var x in order)
            {
                sequence.Add(x);
                var (low, high) = sequence.Bounds(0.05);
                missed |= low > 600 || high < 600;
            }

            violations += missed ? 1 : 0;
        }

        // Assert: time-uniform coverage at 95 % (the boundary is conservative, so far fewer in practice).
        Assert.InRange(violations, 0, 15);
    }

    [Fact]
    public void Add_MoreDrawsThanThePopulation_Throws()
    {
        var sequence = new ProportionSequence(1, 1, 0.05);
        sequence.Add(true);

        Assert.Throws<InvalidOperationException>(() => sequence.Add(false));
    }
}
