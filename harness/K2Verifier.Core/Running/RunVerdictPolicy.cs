using System.Globalization;
using K2Verifier.Results;

namespace K2Verifier.Running;

/// <summary>
/// Whether a completed run measured the deployment at all. It did not (exit code 3) when no request succeeded or more
/// than the allowed share failed, whatever mix of 4xx, 5xx, connection and stream failures caused it: a gate computed
/// over the few rows that did succeed would describe the failures, not the deployment.
/// </summary>
public static class RunVerdictPolicy
{
    /// <summary>The default of <c>--max-failure-rate</c>: 5% of the journal's rows.</summary>
    public const double DefaultMaxFailureRate = 0.05;

    /// <summary>Null when the run measured the deployment; otherwise one line saying why not.</summary>
    /// <param name="outcomes">Every row of the journal (kept rows of an incremental run included).</param>
    /// <param name="maxFailureRate">The largest share of failed rows still accepted, 0 to 1.</param>
    public static string? CouldNotMeasure(IReadOnlyList<CaseOutcome> outcomes, double maxFailureRate)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        int total = outcomes.Count;
        int failed = outcomes.Count(o => !o.IsSuccess);
        if (total == 0)
        {
            return "the run recorded no request (an empty dataset, or every line skipped)";
        }

        if (failed == total)
        {
            return string.Create(CultureInfo.InvariantCulture, $"no request succeeded: all {total} failed");
        }

        double rate = (double)failed / total;
        return rate > maxFailureRate
            ? string.Create(CultureInfo.InvariantCulture, $"{failed} of {total} requests failed ({rate:P1}), more than --max-failure-rate {maxFailureRate:0.###} allows")
            : null;
    }
}
