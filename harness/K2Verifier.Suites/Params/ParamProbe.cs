using System.Text.Json.Nodes;

namespace K2Verifier.Suites.Params;

/// <summary>One row of the params table: the change to the base request, the expected class of answer and why.</summary>
/// <param name="Name">The probe's name.</param>
/// <param name="Change">Merged into the base request's top level; a null value removes the key.</param>
/// <param name="Expect"><c>200</c> (served) or <c>4xx</c> (refused with an error body).</param>
/// <param name="Rationale">Where the rule comes from.</param>
/// <param name="Required">False for informational probes. Default: true.</param>
public sealed record ParamProbe(string Name, JsonObject Change, string Expect, string Rationale, bool Required = true);
