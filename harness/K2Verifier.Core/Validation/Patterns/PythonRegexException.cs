namespace K2Verifier.Validation.Patterns;

/// <summary>A pattern Python's <c>re</c> module would refuse to compile (<c>re.error</c>).</summary>
internal sealed class PythonRegexException : Exception
{
    public PythonRegexException(string message)
        : base(message)
    {
    }

    public PythonRegexException()
    {
    }

    public PythonRegexException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
