namespace K2Verifier.Results;

/// <summary>A request's results row and its outcome, judged once (<see cref="CaseEvaluator.Judge"/>).</summary>
/// <param name="Row">The row appended to the journal.</param>
/// <param name="Outcome">Its outcome, as the journal's reader would judge the row read back.</param>
public sealed record JudgedCase(CaseResult Row, CaseOutcome Outcome);
