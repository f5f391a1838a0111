namespace K2Verifier.Templates.Runtime;

/// <summary>A render-time error without a location; the evaluator adds the template line.</summary>
internal sealed class JinjaError : Exception
{
    public JinjaError(TemplateErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public JinjaError()
    {
    }

    public JinjaError(string message)
        : base(message)
    {
    }

    public JinjaError(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TemplateErrorKind Kind { get; }

    public static JinjaError Type(string message) => new(TemplateErrorKind.Runtime, message);

    public static JinjaError Undefined(string message) => new(TemplateErrorKind.Undefined, message);
}
