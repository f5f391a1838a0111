namespace K2Verifier.Datasets.Lint;

/// <summary>How bad a lint finding is: errors make <c>dataset check</c> exit 2, warnings do not.</summary>
public enum LintSeverity
{
    /// <summary>Legal but worth knowing (e.g. a tool-call id not in <c>functions.NAME:IDX</c> form).</summary>
    Warning,

    /// <summary>The line cannot be sent as intended (not JSON, bad role, invalid schema, an unanswered id…).</summary>
    Error,
}
