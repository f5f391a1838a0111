namespace K2Verifier.Reports.Model;

/// <summary>How much drill-down text one run may embed: rows, characters in total, and characters per field.</summary>
internal sealed record DetailAllowance(int Rows, long BudgetChars, int FieldChars);
