namespace K2Verifier.Validation.Evaluation;

/// <summary>
/// The dynamic scope as python's <c>referencing</c> keeps it: the base URIs from which references were followed,
/// most recent first (an immutable linked list, so a branch that returns restores it for free).
/// </summary>
internal sealed record DynamicScope(string BaseUri, DynamicScope? Outer);
