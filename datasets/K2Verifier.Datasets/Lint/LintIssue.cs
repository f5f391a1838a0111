using K2Verifier.Dataset;

namespace K2Verifier.Datasets.Lint;

/// <summary>One finding of the lint, printed as <c>file:line: severity: message</c>.</summary>
public sealed record LintIssue(SourceLocation Location, LintSeverity Severity, string Message)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Location.File}:{Location.Line}: {(Severity == LintSeverity.Error ? "error" : "warning")}: {Message}";
}
