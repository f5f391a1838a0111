namespace K2Verifier.Dataset;

/// <summary>A dataset line that cannot be used, raised in strict mode (otherwise the line is skipped and counted).</summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string message)
        : base(message)
    {
    }

    public DatasetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DatasetFormatException()
    {
    }
}
