namespace K2Verifier.LocalEngine.Simulation;

/// <summary>
/// Deterministic draws keyed by (seed, request, purpose): the same key gives the same number in every process and
/// order, so a run's results do not depend on concurrency. SplitMix64 over a mixed key.
/// </summary>
internal static class SimulationRandom
{
    /// <summary>A uniform number in [0, 1) for the key.</summary>
    public static double Uniform(long seed, int dataIndex, string purpose, int salt = 0)
    {
        var x = Mix(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL) ^ (ulong)(uint)dataIndex);
        foreach (var ch in purpose)
        {
            x = Mix(x ^ ch);
        }

        x = Mix(x ^ (ulong)(uint)salt);
        return (x >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>A standard normal draw (Box–Muller) for the key.</summary>
    public static double Normal(long seed, int dataIndex, string purpose)
    {
        var u1 = Math.Max(Uniform(seed, dataIndex, purpose, 1), 1e-12);
        var u2 = Uniform(seed, dataIndex, purpose, 2);
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
