namespace K2Verifier.Results;

/// <summary>Where one row lies in a results file: its byte offset and length (without the line break).</summary>
public readonly record struct JournalSpan(long Offset, int Length);
