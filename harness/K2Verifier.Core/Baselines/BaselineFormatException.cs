namespace K2Verifier.Baselines;

/// <summary>A baseline file that cannot be used; the message names the file, line and field.</summary>
public sealed class BaselineFormatException : Exception
{
    public BaselineFormatException(string message)
        : base(message)
    {
    }

    public BaselineFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BaselineFormatException()
    {
    }
}
