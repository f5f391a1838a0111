namespace K2Verifier.EarlyStop;

/// <summary>
/// An anytime-valid confidence sequence for how many of a finite population of <see cref="Population"/> requests have
/// a 0/1 property, from requests drawn in uniformly random order without replacement.
/// <para>
/// With <c>S_t</c> the count after t draws, the conditional mean of draw i is the share left,
/// <c>(Nμ − S_{i−1}) / (N − i + 1)</c>, so <c>M_t = S_t + A_t − Nμ·H_t</c> (with <c>A_t = Σ S_{i−1}/(N−i+1)</c> and
/// <c>H_t = Σ 1/(N−i+1)</c>) is a martingale whose increments lie in an interval of length 1, hence are
/// ¼-sub-Gaussian (Hoeffding's lemma). Robbins' normal mixture then bounds it at every t at once (Ville's inequality):
/// <c>|M_t| &lt; √(2(t/4 + ρ)·ln(√((t/4 + ρ)/ρ)/α))</c> with probability at least 1 − α (Howard, Ramdas, McAuliffe
/// and Sekhon 2021, "Time-uniform, nonparametric, nonasymptotic confidence sequences"; the without-replacement
/// centring is Waudby-Smith and Ramdas 2020). Solving for μ gives the interval, intersected with what the draws already
/// prove (<c>[S_t, S_t + N − t]</c>), so it closes on the exact count when every request has been drawn.
/// </para>
/// </summary>
public sealed class ProportionSequence
{
    private readonly double _rho;
    private long _drawn;
    private long _count;
    private double _a;
    private double _h;

    /// <param name="population">N, the requests of the run.</param>
    /// <param name="tuneFor">The number of draws the boundary is tightest at (ρ is chosen for it).</param>
    /// <param name="alpha">The error probability the boundary is tuned with.</param>
    public ProportionSequence(int population, int tuneFor, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(population, 1);
        Population = population;
        var v = Math.Max(1, tuneFor) / 4.0;
        var log = Math.Log(1 / alpha);
        _rho = v / ((2 * log) + Math.Log(1 + (2 * log)));
    }

    /// <summary>N.</summary>
    public int Population { get; }

    /// <summary>Draws so far.</summary>
    public long Drawn => _drawn;

    /// <summary>Draws with the property so far.</summary>
    public long Count => _count;

    /// <summary>Adds the next draw.</summary>
    public void Add(bool hasProperty)
    {
        if (_drawn >= Population)
        {
            throw new InvalidOperationException($"more than {Population} draws from a population of {Population}");
        }

        var remaining = Population - _drawn;
        _a += _count / (double)remaining;
        _h += 1.0 / remaining;
        _drawn++;
        if (hasProperty)
        {
            _count++;
        }
    }

    /// <summary>The population count's interval, valid at every t simultaneously with probability ≥ 1 − <paramref name="alpha"/>.</summary>
    public (double Low, double High) Bounds(double alpha)
    {
        double low = _count, high = _count + (Population - _drawn);
        if (_drawn == 0)
        {
            return (low, high);
        }

        var v = (_drawn / 4.0) + _rho;
        var boundary = Math.Sqrt(2 * v * Math.Log(Math.Sqrt(v / _rho) / alpha));
        var centre = _count + _a;
        return (Math.Max(low, (centre - boundary) / _h), Math.Min(high, (centre + boundary) / _h));
    }
}
