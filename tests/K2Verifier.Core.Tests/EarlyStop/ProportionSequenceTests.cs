using K2Verifier.EarlyStop;

namespace K2Verifier.Core.Tests.EarlyStop;

public sealed class ProportionSequenceTests
{
    [Fact]
    public void Bounds_EveryDrawSeen_ExactCount()
    {
        var sequence = new ProportionSequence(10);
        foreach (var x in new[] { true, false, true, true, false, false, true, false, false, false })
        {
            sequence.Add(x);
        }

        Assert.Equal((4.0, 4.0), sequence.Bounds(0.05));
    }

    [Fact]
    public void Bounds_NoDraw_WholeRange()
    {
        Assert.Equal((0.0, 100.0), new ProportionSequence(100).Bounds(0.05));
    }

    [Fact]
    public void Bounds_NarrowWithMoreDraws()
    {
        var population = Enumerable.Range(0, 4000).Select(i => i % 10 < 3).ToArray();
        new Random(1).Shuffle(population);
        var sequence = new ProportionSequence(population.Length);
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
        Assert.InRange(widths[1] / 4000, 0.02, 0.25);
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
            var sequence = new ProportionSequence(n);
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
    public void Bounds_PropertyNeverSeen_UpperBoundSmallSoon()
    {
        // A rare cell (no invalid call at all): after 400 of 4,000 draws the bound (about 2 %) is far below the ~8 % of a Hoeffding-type boundary.
        var sequence = new ProportionSequence(4000);
        for (var t = 0; t < 400; t++)
        {
            sequence.Add(false);
        }

        var (low, high) = sequence.Bounds(0.05);

        Assert.Equal(0, low);
        Assert.InRange(high / 4000, 0.001, 0.03);
    }

    [Fact]
    public void Bounds_MatchesABruteForceScanOfThePosterior()
    {
        // Arrange: N = 60, 25 draws, 9 with the property.
        var sequence = new ProportionSequence(60);
        for (var i = 0; i < 25; i++)
        {
            sequence.Add(i % 3 == 0);
        }

        // Act: every K whose prior/posterior ratio stays below 1/α, computed directly.
        static double LogChoose(int n, int k) => k < 0 || k > n ? double.NegativeInfinity : Enumerable.Range(1, k).Sum(i => Math.Log(n - k + i) - Math.Log(i));
        var kept = Enumerable.Range(0, 61).Where(k => LogChoose(k, 9) + LogChoose(60 - k, 16) > Math.Log(0.05) + LogChoose(61, 26) - Math.Log(61)).ToList();

        // Assert
        Assert.Equal((kept.Min(), kept.Max()), ((int)sequence.Bounds(0.05).Low, (int)sequence.Bounds(0.05).High));
    }

    [Fact]
    public void Add_MoreDrawsThanThePopulation_Throws()
    {
        var sequence = new ProportionSequence(1);
        sequence.Add(true);

        Assert.Throws<InvalidOperationException>(() => sequence.Add(false));
    }
}
