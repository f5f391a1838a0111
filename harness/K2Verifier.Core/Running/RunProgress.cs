namespace K2Verifier.Running;

/// <summary>A snapshot of a run in progress, for progress displays.</summary>
/// <param name="Total">Requests to send this run (known lines minus skipped and already-successful ones).</param>
/// <param name="Done">Requests finished and written to the journal.</param>
/// <param name="Stop">Finished with finish_reason stop.</param>
/// <param name="ToolCalls">Finished with finish_reason tool_calls.</param>
/// <param name="Invalid">tool_calls rows whose calls were judged invalid.</param>
/// <param name="Failed">Requests that failed after their attempts.</param>
/// <param name="Elapsed">Time since the run started.</param>
public sealed record RunProgress(int Total, int Done, int Stop, int ToolCalls, int Invalid, int Failed, TimeSpan Elapsed)
{
    /// <summary>Requests sent and not finished yet.</summary>
    public int InFlight { get; init; }

    /// <summary>Requests per second so far.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>The adaptive concurrency limit now (HTTP backend); null when there is none.</summary>
    public int? Concurrency { get; init; }

    /// <summary>The ceiling of the adaptive concurrency (<c>--concurrency</c>); null when there is none.</summary>
    public int? ConcurrencyCeiling { get; init; }

    /// <summary>Estimated time left at the current rate; null before the first request finishes.</summary>
    public TimeSpan? Eta => Rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, Total - Done) / Rate) : null;
}
