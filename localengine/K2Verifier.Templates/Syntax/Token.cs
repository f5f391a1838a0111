namespace K2Verifier.Templates.Syntax;

/// <summary>The kinds of tokens Jinja2's lexer produces (line statements are not enabled by Hugging Face).</summary>
internal enum TokenKind
{
    Data,
    BlockBegin,
    BlockEnd,
    VariableBegin,
    VariableEnd,
    Name,
    String,
    Integer,
    Float,
    Operator,
    Eof,
}

/// <summary>One token: its kind, its text (operator, name or data), its literal value and its 1-based line.</summary>
internal sealed record Token(TokenKind Kind, string Value, object? Literal, int Line)
{
    public bool Is(TokenKind kind, string value) => Kind == kind && Value == value;

    public bool IsName(string name) => Kind == TokenKind.Name && Value == name;

    public bool IsOperator(string op) => Kind == TokenKind.Operator && Value == op;

    public string Describe() => Kind switch
    {
        TokenKind.Eof => "end of template",
        TokenKind.BlockEnd => "end of statement block",
        TokenKind.VariableEnd => "end of print statement",
        TokenKind.BlockBegin => "begin of statement block",
        TokenKind.VariableBegin => "begin of print statement",
        TokenKind.Data => "template data",
        _ => Value,
    };
}
