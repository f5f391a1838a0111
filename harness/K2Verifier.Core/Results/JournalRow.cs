namespace K2Verifier.Results;

/// <summary>A line read from a results file: the row, or why it could not be read (<c>file:line: field: problem</c>).</summary>
public sealed record JournalRow(JsonlLine Line, CaseResult? Result, string? Problem);
