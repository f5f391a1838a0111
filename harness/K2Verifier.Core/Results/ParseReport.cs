namespace K2Verifier.Results;

/// <summary>
/// What the parse step did to a completion it parsed in process (raw completions, the local engine, the simulator):
/// the row's <c>parse</c> object.
/// </summary>
/// <param name="VendorFinishReason">The finish_reason the engine itself gave (<c>stop</c>, <c>length</c>, …).</param>
/// <param name="FinishReasonChanged">Why the row's finish_reason differs from the vendor's; null when it does not.</param>
/// <param name="IncompleteToolCalls">Calls the text began and never ended (output stopped before the call's end marker).</param>
public sealed record ParseReport(string VendorFinishReason, string? FinishReasonChanged, int IncompleteToolCalls);
