namespace K2Verifier.Metrics;

/// <summary>
/// One probe suite's result as a run's summary.json embeds it under <c>suites</c> (<c>run --suite-results DIR</c>):
/// the counts of its <c>suite-NAME.json</c> and its first failing required probes, so one summary and one report cover
/// a whole vendor evaluation.
/// </summary>
public sealed record SuiteRecord
{
    /// <summary>How many failing required probes <see cref="Failing"/> keeps.</summary>
    public const int FailingKept = 10;

    /// <summary>The endpoint the suite probed (no credentials).</summary>
    public string? Endpoint { get; init; }

    /// <summary>The model name the suite sent.</summary>
    public string? Model { get; init; }

    /// <summary><c>completed</c>, <c>cancelled</c> or <c>endpoint_unavailable</c>.</summary>
    public required string Outcome { get; init; }

    /// <summary>Attempts recorded.</summary>
    public int Total { get; init; }

    /// <summary>Attempts whose answer was the expected one.</summary>
    public int Passed { get; init; }

    /// <summary>Attempts that did not pass (<see cref="Total"/> − <see cref="Passed"/>, informational ones included).</summary>
    public int Failed { get; init; }

    /// <summary>Required attempts that did not pass (the suite's exit code 1; rejected schemas are counted apart).</summary>
    public int RequiredFailed { get; init; }

    /// <summary>Probes with a failing required attempt (all of them, though <see cref="Failing"/> keeps the first few).</summary>
    public int FailingProbes { get; init; }

    /// <summary>Counts by status word.</summary>
    public required IReadOnlyDictionary<string, int> ByStatus { get; init; }

    /// <summary>Counts by mode (<c>stream</c>, <c>non-stream</c>).</summary>
    public required IReadOnlyDictionary<string, int> ByMode { get; init; }

    /// <summary>Status counts per mode.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ByStatusAndMode { get; init; }

    /// <summary>The first <see cref="FailingKept"/> probes with a failing required attempt.</summary>
    public IReadOnlyList<SuiteProbeRecord> Failing { get; init; } = [];
}
