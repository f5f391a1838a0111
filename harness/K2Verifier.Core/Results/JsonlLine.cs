namespace K2Verifier.Results;

/// <summary>One physical line of a JSONL file: 1-based number, byte offset, and its bytes without the line break.</summary>
public readonly record struct JsonlLine(int Number, long Offset, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>True when the line holds only white space.</summary>
    public bool IsBlank => Bytes.Span.Trim(" \t\r"u8).IsEmpty;
}
