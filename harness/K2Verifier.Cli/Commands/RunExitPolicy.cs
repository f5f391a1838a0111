using K2Verifier.Backends;
using K2Verifier.Common;
using K2Verifier.Running;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// The exit code of one finished run before any gate (docs/exit-codes.md): 130 when interrupted, 3 when the endpoint
/// was unavailable or the run could not measure the deployment (<see cref="RunVerdictPolicy"/>), each with the lines
/// that say why and what to check; null when the gates decide.
/// </summary>
internal static class RunExitPolicy
{
    public static (int? ExitCode, IReadOnlyList<string> Lines) Judge(RunReport report, FailureTally tally, double maxFailureRate, IChatBackend backend)
    {
        var hint = tally.Dominant is { } dominant ? "dominant failure: " + Hint(dominant, backend) : null;
        switch (report.Outcome)
        {
            case RunOutcome.Cancelled:
                return ((int)ExitCode.Interrupted, [report.Message ?? "interrupted"]);
            case RunOutcome.EndpointUnavailable:
                return ((int)ExitCode.InfrastructureError, [.. new[] { report.Message ?? "the endpoint is unavailable", hint }.OfType<string>()]);
        }

        if (RunVerdictPolicy.CouldNotMeasure(report.Outcomes, maxFailureRate) is not { } problem)
        {
            return (null, []);
        }

        return ((int)ExitCode.InfrastructureError, [.. new[] { $"the run could not measure the deployment: {problem}", hint }.OfType<string>()]);
    }

    /// <summary>The hint for <paramref name="kind"/>, with the request URL when the backend is HTTP.</summary>
    public static string Hint(FailureKind kind, IChatBackend backend) => backend is HttpChatBackend http
        ? FailureHints.Describe(kind, http.Options.BaseUrl, http.Options.UseRawCompletions)
        : FailureHints.Describe(kind, null);
}
