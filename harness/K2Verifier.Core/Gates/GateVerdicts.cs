namespace K2Verifier.Gates;

/// <summary>The overall verdict of a run or a comparison, as summary.json and <c>--json</c> write it.</summary>
public static class GateVerdicts
{
    /// <summary>Every gate passed (or there were none) and the run is complete.</summary>
    public const string Pass = "pass";

    /// <summary>A gate failed.</summary>
    public const string Fail = "fail";

    /// <summary>A gate could not be evaluated (a missing baseline, a metric the summary lacks).</summary>
    public const string CannotEvaluate = "cannot_evaluate";

    /// <summary>The run stopped before it sent every request: its figures do not measure the deployment.</summary>
    public const string Incomplete = "incomplete";

    /// <summary>The verdict of <paramref name="results"/>; <paramref name="complete"/> false makes it <see cref="Incomplete"/>.</summary>
    public static string Of(IReadOnlyList<GateResult> results, bool? complete = true)
    {
        ArgumentNullException.ThrowIfNull(results);
        return complete == false ? Incomplete
            : results.Any(r => !r.Evaluable) ? CannotEvaluate
            : results.Any(r => !r.Passed) ? Fail
            : Pass;
    }
}
