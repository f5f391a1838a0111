namespace K2Verifier.Results;

/// <summary>A results file re-judged: one outcome per readable row (in file order), the unreadable count, and the model named by the first row.</summary>
public sealed record ScoredJournal(IReadOnlyList<CaseOutcome> Outcomes, int UnreadableRows, string? Model);
