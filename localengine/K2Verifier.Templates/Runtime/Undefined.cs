namespace K2Verifier.Templates.Runtime;

/// <summary>
/// Jinja2's default <c>Undefined</c>: prints as empty text, is falsy, iterates as empty and has length 0; any other
/// use (attribute or item access, arithmetic, ordering, calling) raises an undefined error.
/// </summary>
internal sealed class Undefined
{
    private readonly string? _hint;

    public Undefined(string name, object? owner = null, bool hasOwner = false, string? hint = null, TemplateErrorKind errorKind = TemplateErrorKind.Undefined)
    {
        Name = name;
        Owner = owner;
        HasOwner = hasOwner;
        _hint = hint;
        ErrorKind = errorKind;
    }

    public static Undefined Anonymous { get; } = new(string.Empty);

    public string Name { get; }

    public object? Owner { get; }

    public bool HasOwner { get; }

    public TemplateErrorKind ErrorKind { get; }

    /// <summary>The message Jinja2 would raise for this undefined value.</summary>
    public string Message
    {
        get
        {
            if (_hint is not null)
            {
                return _hint;
            }

            if (!HasOwner)
            {
                return Name.Length == 0 ? "value is undefined" : $"'{Name}' is undefined";
            }

            return $"'{PyRepr.TypeName(Owner)} object' has no attribute '{Name}'";
        }
    }

    public JinjaError Fail() => new(ErrorKind, Message);
}
