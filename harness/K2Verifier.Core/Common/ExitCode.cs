namespace K2Verifier.Common;

/// <summary>The process exit codes of every K2Verifier command (a stable contract, see README).</summary>
public enum ExitCode
{
    /// <summary>The command completed and every gate passed.</summary>
    Ok = 0,

    /// <summary>The run completed but a quality gate failed.</summary>
    GateFailed = 1,

    /// <summary>A usage error or unreadable input: nothing was run.</summary>
    UsageError = 2,

    /// <summary>
    /// The run could not measure the deployment: the endpoint was unreachable, no request succeeded, or more failed
    /// than <c>--max-failure-rate</c> allows (whatever mix of 4xx, 5xx and connection failures).
    /// </summary>
    InfrastructureError = 3,

    /// <summary>Stopped by the user (Ctrl-C, SIGINT): 128 + 2, as shells report it. Finished rows are in the journal.</summary>
    Interrupted = 130,
}
