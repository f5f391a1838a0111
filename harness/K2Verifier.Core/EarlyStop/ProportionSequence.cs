namespace K2Verifier.EarlyStop;

/// <summary>
/// An anytime-valid confidence sequence for how many of a finite population of <see cref="Population"/> requests have
/// a 0/1 property, from requests drawn in uniformly random order without replacement: the prior-posterior-ratio
/// confidence sequence of Waudby-Smith and Ramdas ("Confidence sequences for sampling without replacement", NeurIPS
/// 2020) with a uniform prior on the count.
/// <para>
/// After t draws with S having the property, the posterior of the count K under the uniform prior is
/// <c>C(K,S)·C(N−K,t−S) / C(N+1,t+1)</c>, and the ratio prior/posterior at the true K is a non-negative martingale
/// starting at 1; by Ville's inequality it stays below 1/α at every t at once with probability at least 1 − α. The
/// sequence is the set of K where it does: <c>C(K,S)·C(N−K,t−S) &gt; α·C(N+1,t+1)/(N+1)</c>, an interval because the
/// left side is log-concave in K. It adapts to the variance (a property that never occurs is bounded near zero quickly,
/// unlike Hoeffding-type bounds) and closes on the exact count once every request has been drawn.
/// </para>
/// </summary>
public sealed class ProportionSequence
{
    private readonly double[] _logFactorial;
    private int _drawn;
    private int _count;

    /// <param name="population">N, the requests of the run.</param>
    public ProportionSequence(int population)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(population, 1);
        Population = population;
        _logFactorial = new double[population + 2];
        for (var i = 2; i < _logFactorial.Length; i++)
        {
            _logFactorial[i] = _logFactorial[i - 1] + Math.Log(i);
        }
    }

    /// <summary>N.</summary>
    public int Population { get; }

    /// <summary>Draws so far.</summary>
    public int Drawn => _drawn;

    /// <summary>Draws with the property so far.</summary>
    public int Count => _count;

    /// <summary>Adds the next draw.</summary>
    public void Add(bool hasProperty)
    {
        if (_drawn >= Population)
        {
            throw new InvalidOperationException($"more than {Population} draws from a population of {Population}");
        }

        _drawn++;
        if (hasProperty)
        {
            _count++;
        }
    }

    /// <summary>The population count's interval, valid at every t simultaneously with probability ≥ 1 − <paramref name="alpha"/>.</summary>
    public (double Low, double High) Bounds(double alpha)
    {
        int n = Population, t = _drawn, s = _count;
        int low = s, high = s + (n - t);
        if (t == 0 || t == n)
        {
            return (low, high);
        }

        // log of α·C(N+1,t+1)/(N+1); a K is kept while log C(K,S) + log C(N−K,t−S) exceeds it.
        var threshold = Math.Log(alpha) + LogChoose(n + 1, t + 1) - Math.Log(n + 1);
        var mode = Mode(low, high);
        return (Edge(low, mode, threshold, towardsHigh: false), Edge(mode, high, threshold, towardsHigh: true));
    }

    private double Score(int k) => LogChoose(k, _count) + LogChoose(Population - k, _drawn - _count);

    /// <summary>The K in [low, high] with the highest score (the score is log-concave: rises, then falls).</summary>
    private int Mode(int low, int high)
    {
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (Score(middle + 1) > Score(middle))
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The farthest K from the mode (inside [from, to]) whose score still exceeds the threshold.</summary>
    private int Edge(int from, int to, double threshold, bool towardsHigh)
    {
        // towardsHigh: scores fall from `from` (the mode) to `to`; find the last K above the threshold.
        // otherwise: scores rise from `from` to `to` (the mode); find the first K above the threshold.
        while (from < to)
        {
            var middle = towardsHigh ? from + ((to - from + 1) / 2) : from + ((to - from) / 2);
            var inside = Score(middle) > threshold;
            if (towardsHigh)
            {
                (from, to) = inside ? (middle, to) : (from, middle - 1);
            }
            else
            {
                (from, to) = inside ? (from, middle) : (middle + 1, to);
            }
        }

        return from;
    }

    private double LogChoose(int n, int k) => _logFactorial[n] - _logFactorial[k] - _logFactorial[n - k];
}
