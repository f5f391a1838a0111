namespace K2Verifier.Running;

/// <summary>How a run ended.</summary>
public enum RunOutcome
{
    /// <summary>Every request was sent and recorded.</summary>
    Completed,

    /// <summary>Stopped by the user (Ctrl-C); finished rows are in the journal, rerun with --incremental.</summary>
    Cancelled,

    /// <summary>The endpoint failed everything and the circuit breaker stopped the run.</summary>
    EndpointUnavailable,
}
