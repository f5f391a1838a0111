using K2Verifier.Gates;

namespace K2Verifier.Reports.Model;

/// <summary>Gate verdicts on an aggregate of the report's runs, e.g. the means of <c>run --repeat N</c>.</summary>
/// <param name="Label">What was judged, e.g. <c>mean of 3 runs</c>.</param>
/// <param name="Results">The verdicts; they decide the exit code.</param>
public sealed record AggregateGates(string Label, IReadOnlyList<GateResult> Results);
