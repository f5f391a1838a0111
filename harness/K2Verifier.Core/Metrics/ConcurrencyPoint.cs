namespace K2Verifier.Metrics;

/// <summary>One point of the adaptive concurrency timeline: the limit from <see cref="AtMs"/> milliseconds after the run started.</summary>
/// <param name="AtMs">Milliseconds since the run started.</param>
/// <param name="Limit">Attempts allowed in flight from then on.</param>
public sealed record ConcurrencyPoint(long AtMs, int Limit);
