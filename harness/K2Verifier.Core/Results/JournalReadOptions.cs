using K2Verifier.Validation.CrossCheck;

namespace K2Verifier.Results;

/// <summary>What <see cref="ResultsScorer.Read(string, Action{string}?, JournalReadOptions?)"/> gathers in its one pass over a journal, besides the scores.</summary>
public sealed record JournalReadOptions
{
    /// <summary>
    /// Keeps the whole row (request, response, checks) of each latest row for which it is true, e.g. the report's
    /// problem rows; default null: none are kept.
    /// </summary>
    public Func<CaseOutcome, bool>? KeepRow { get; init; }

    /// <summary>
    /// The outcome of a row judged already (the run's own rows, judged as they finished), found by where the row starts
    /// in the journal (<see cref="ResultsJournal.AppendAsync"/> returns it); such a row is neither judged nor parsed
    /// again. Default null: every row is judged.
    /// </summary>
    public Func<long, CaseOutcome?>? JudgedAt { get; init; }

    /// <summary>Also validates every tool call with both validators (<c>score --cross-check</c>); default null: no cross-check.</summary>
    public ValidatorCrossCheck? CrossCheck { get; init; }
}
