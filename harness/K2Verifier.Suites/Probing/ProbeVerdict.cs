namespace K2Verifier.Suites.Probing;

/// <summary>The judgement of one probe attempt.</summary>
/// <param name="Status">The suite's status word (<c>pass</c>/<c>fail</c>/<c>error</c>; the schema suite's <c>valid</c>, <c>invalid</c>, <c>no_call</c>, <c>rejected</c>, <c>error</c>).</param>
/// <param name="Passed">True when the answer is the expected one.</param>
/// <param name="Got">The class of answer received, in the same vocabulary as <see cref="ProbeCase.Expected"/>.</param>
/// <param name="Reason">A short machine-friendly reason for the summary's counts (e.g. <c>http_400</c>, <c>bug1_generation_prompt</c>).</param>
/// <param name="Detail">A human-readable detail: the error message, the failing instance path, the token difference.</param>
public sealed record ProbeVerdict(string Status, bool Passed, string Got, string Reason, string? Detail = null);
