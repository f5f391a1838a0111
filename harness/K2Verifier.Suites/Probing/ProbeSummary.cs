namespace K2Verifier.Suites.Probing;

/// <summary>One probe of a suite summary, its attempts folded: expected, what came back, status and message.</summary>
/// <param name="Probe">The probe's name.</param>
/// <param name="Required">False for informational probes.</param>
/// <param name="Expected">The expected class of answer.</param>
/// <param name="Got">What the first failing attempt got (the first attempt's when all passed).</param>
/// <param name="Status">The first failing attempt's status (the first attempt's when all passed).</param>
/// <param name="Attempts">Attempts recorded.</param>
/// <param name="PassedAttempts">Attempts that passed.</param>
/// <param name="Detail">The first failing attempt's detail (the error message, the failing path, the token difference).</param>
public sealed record ProbeSummary(string Probe, bool Required, string Expected, string Got, string Status, int Attempts, int PassedAttempts, string? Detail)
{
    /// <summary>True when every attempt passed.</summary>
    public bool Passed => PassedAttempts == Attempts;

    /// <summary>Folds the attempts of one probe.</summary>
    public static ProbeSummary Of(IGrouping<string, ProbeRow> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        var shown = attempts.FirstOrDefault(r => !r.Passed) ?? attempts.First();
        return new ProbeSummary(attempts.Key, shown.Required, shown.Expected, shown.Got, shown.Status, attempts.Count(), attempts.Count(r => r.Passed), shown.Detail);
    }
}
