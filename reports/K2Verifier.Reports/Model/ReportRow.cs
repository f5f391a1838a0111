namespace K2Verifier.Reports.Model;

/// <summary>The facts of one request of a run, as requests.csv and the HTML table show them.</summary>
public sealed record ReportRow
{
    public required int DataIndex { get; init; }

    /// <summary>The dataset category (from the baseline or <c>--categories</c>), or null.</summary>
    public string? Category { get; init; }

    /// <summary><c>success</c> or <c>failed</c>.</summary>
    public required string Status { get; init; }

    public string? FinishReason { get; init; }

    /// <summary>The baseline's finish_reason for this data_index; null without a baseline, when it lacks the row, or when its request failed.</summary>
    public string? BaselineFinishReason { get; init; }

    /// <summary>Trigger outcome against the baseline: <c>tp</c>, <c>fp</c>, <c>fn</c>, <c>tn</c>; null when the row was not joined.</summary>
    public string? Outcome { get; init; }

    /// <summary><c>valid</c> or <c>invalid</c> for tool_calls rows, <c>n.a.</c> otherwise.</summary>
    public required string Verdict { get; init; }

    /// <summary>The failure category of a failed row, or the category of the first invalid call.</summary>
    public string? ErrorCategory { get; init; }

    /// <summary>The instance path of the first invalid call's schema violation (<c>""</c> is the arguments' root).</summary>
    public string? ErrorPath { get; init; }

    /// <summary>The reason in words: the failure message or the first invalid call's message.</summary>
    public string? ErrorMessage { get; init; }

    public int Attempts { get; init; } = 1;

    public long DurationMs { get; init; }

    public long? TtftMs { get; init; }

    public long? PromptTokens { get; init; }

    public long? CompletionTokens { get; init; }

    /// <summary>The start of the answer (content, else the tool calls' names), for the request table; null when none.</summary>
    public string? Answer { get; init; }

    /// <summary>The request and response for the drill-down; only for the first problem rows (the report caps them).</summary>
    public RowDetail? Detail { get; init; }

    /// <summary>The row's wire findings (see docs/wire-conformance.md).</summary>
    public IReadOnlyList<Wire.WireFinding> WireFindings { get; init; } = [];

    /// <summary>The codes of <see cref="WireFindings"/>, distinct, joined with <c>;</c> (empty when none).</summary>
    public string WireCodes => string.Join(';', WireFindings.Select(f => f.Code).Distinct(StringComparer.Ordinal));

    /// <summary>True when a wire finding of severity error was recorded.</summary>
    public bool HasWireErrors => WireFindings.Any(f => f.Severity == Wire.WireSeverity.Error);

    public bool IsFailed => Status != Results.CaseStatus.Success;

    public bool IsInvalid => Verdict == Verdicts.Invalid;

    /// <summary>True when both sides have a finish_reason and they differ (includes every fp and fn).</summary>
    public bool DiffersFromBaseline => FinishReason is not null && BaselineFinishReason is not null && FinishReason != BaselineFinishReason;

    /// <summary>A row the report lists: failed, invalid, different from the baseline, or with a wire error.</summary>
    public bool IsProblem => IsFailed || IsInvalid || DiffersFromBaseline || HasWireErrors;
}
