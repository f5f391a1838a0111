namespace K2Verifier.EarlyStop;

/// <summary>What an early-stopping run decided, recorded in summary.json under <c>early_stop</c>.</summary>
public sealed record EarlyStopReport
{
    /// <summary>The sequential method, named for the record.</summary>
    public string Method { get; init; } = "prior-posterior-ratio confidence sequences for sampling without replacement (Waudby-Smith and Ramdas 2020), Bonferroni over cells";

    /// <summary>The confidence that every verdict equals the full run's (e.g. 0.95).</summary>
    public required double Confidence { get; init; }

    /// <summary>The seed of the random request order.</summary>
    public required int OrderSeed { get; init; }

    /// <summary>Requests of the run (the population).</summary>
    public required int RequestsTotal { get; init; }

    /// <summary>Rows seen when every gate was decided (or all of them).</summary>
    public required int RequestsUsed { get; init; }

    /// <summary>True when the run stopped before sending every request.</summary>
    public required bool StoppedEarly { get; init; }

    /// <summary>Each gate's decision.</summary>
    public required IReadOnlyList<GateDecision> Gates { get; init; }

    /// <summary>
    /// The verdicts that decide the exit code: a run that stopped early is judged by its decisions (its point estimates
    /// cover only the requests it sent); one that sent everything is judged on its full summary, as without early stop.
    /// </summary>
    public IReadOnlyList<Gates.GateResult> Verdicts(IReadOnlyList<Gates.GateResult> onSummary)
    {
        ArgumentNullException.ThrowIfNull(onSummary);
        if (!StoppedEarly)
        {
            return onSummary;
        }

        return [.. onSummary.Select(result => Gates.FirstOrDefault(d => d.Gate == result.Gate.Text) is { IsDecided: true } decision
            ? result with
            {
                Passed = decision.Verdict == GateDecision.Pass,
                Note = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"decided after {decision.DecidedAfter} of {RequestsTotal} requests; {Confidence:P0} interval [{decision.Low:0.####}, {decision.High:0.####}]"),
            }
            : result)];
    }
}
