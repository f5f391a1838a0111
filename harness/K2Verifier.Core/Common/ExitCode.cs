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

    /// <summary>The backend could not be reached or another infrastructure fault stopped the run.</summary>
    InfrastructureError = 3,
}
