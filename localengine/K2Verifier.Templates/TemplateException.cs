namespace K2Verifier.Templates;

/// <summary>
/// A chat template failed to compile (a syntax error) or to render (a runtime error, including
/// <c>raise_exception</c>). The message names the template and line, like Jinja2's tracebacks do.
/// </summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TemplateException()
    {
    }

    internal TemplateException(TemplateErrorKind kind, string detail, string templateName, int line)
        : base($"{templateName}:{line}: {Describe(kind)}: {detail}")
    {
        Kind = kind;
        Detail = detail;
        TemplateName = templateName;
        Line = line;
    }

    /// <summary>What went wrong: syntax, undefined value, type error, <c>raise_exception</c>, sandbox.</summary>
    public TemplateErrorKind Kind { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Detail { get; } = string.Empty;

    /// <summary>The template's name (its file name, or <c>&lt;template&gt;</c>).</summary>
    public string TemplateName { get; } = "<template>";

    /// <summary>The 1-based template line the error belongs to (0 when unknown).</summary>
    public int Line { get; }

    private static string Describe(TemplateErrorKind kind) => kind switch
    {
        TemplateErrorKind.Syntax => "syntax error",
        TemplateErrorKind.Undefined => "undefined error",
        TemplateErrorKind.Raised => "raise_exception",
        TemplateErrorKind.Security => "security error",
        _ => "runtime error",
    };
}
