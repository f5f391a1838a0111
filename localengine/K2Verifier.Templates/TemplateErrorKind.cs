namespace K2Verifier.Templates;

/// <summary>The class of a <see cref="TemplateException"/>, mirroring Jinja2's exception types.</summary>
public enum TemplateErrorKind
{
    /// <summary>A runtime error (Python's TypeError, ValueError, …).</summary>
    Runtime,

    /// <summary><c>TemplateSyntaxError</c>: the template does not compile.</summary>
    Syntax,

    /// <summary><c>UndefinedError</c>: an undefined value was used in a way Jinja2's default <c>Undefined</c> refuses.</summary>
    Undefined,

    /// <summary>The template called <c>raise_exception(message)</c>.</summary>
    Raised,

    /// <summary><c>SecurityError</c>: the sandbox refused an operation (e.g. a mutating method).</summary>
    Security,
}
