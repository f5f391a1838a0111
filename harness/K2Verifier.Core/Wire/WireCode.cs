namespace K2Verifier.Wire;

/// <summary>A wire check's stable code, its severity and why it matters (docs/wire-conformance.md lists them all).</summary>
/// <param name="Code">The stable snake_case code.</param>
/// <param name="Severity"><c>error</c>, <c>warn</c> or <c>info</c>.</param>
/// <param name="Rationale">Why a response showing it is wrong, and who it breaks.</param>
public sealed record WireCode(string Code, string Severity, string Rationale);
