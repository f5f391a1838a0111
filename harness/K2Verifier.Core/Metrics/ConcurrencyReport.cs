namespace K2Verifier.Metrics;

/// <summary>The adaptive concurrency of a run: the limit now, the limit it settled at, and its timeline.</summary>
/// <param name="Current">Attempts allowed in flight now.</param>
/// <param name="Settled">The time-weighted mean limit over the second half of the run.</param>
/// <param name="Timeline">The limit over the run.</param>
public sealed record ConcurrencyReport(int Current, int Settled, IReadOnlyList<ConcurrencyPoint> Timeline);
