namespace K2Verifier.Metrics;

/// <summary>A failing probe of a <see cref="SuiteRecord"/>: what was expected, what came back, and why.</summary>
/// <param name="Probe">The probe's name.</param>
/// <param name="Expected">The expected class of answer.</param>
/// <param name="Got">What the first failing attempt got.</param>
/// <param name="Status">The first failing attempt's status.</param>
/// <param name="Attempts">Attempts recorded.</param>
/// <param name="PassedAttempts">Attempts that passed.</param>
/// <param name="Detail">The first failing attempt's detail (the error message, the failing path, the token difference).</param>
public sealed record SuiteProbeRecord(string Probe, string Expected, string Got, string Status, int Attempts, int PassedAttempts, string? Detail);
