namespace K2Verifier.Cli;

/// <summary>A usage or input error found after parsing (a bad file, a bad value); exits with code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UsageException()
    {
    }
}
