namespace K2Verifier.Templates.Syntax;

/// <summary>An expression node; <see cref="Line"/> is where it starts, for error messages.</summary>
internal abstract record Expr(int Line);

internal sealed record ConstExpr(object? Value, int Line) : Expr(Line);

internal sealed record NameExpr(string Name, int Line) : Expr(Line);

internal sealed record TupleExpr(IReadOnlyList<Expr> Items, int Line) : Expr(Line);

internal sealed record ListExpr(IReadOnlyList<Expr> Items, int Line) : Expr(Line);

internal sealed record DictExpr(IReadOnlyList<(Expr Key, Expr Value)> Pairs, int Line) : Expr(Line);

/// <summary><c>obj.name</c>: attribute first, then item (Jinja2's <c>getattr</c>).</summary>
internal sealed record GetAttrExpr(Expr Target, string Name, int Line) : Expr(Line);

/// <summary><c>obj[key]</c>: item first, then attribute (Jinja2's <c>getitem</c>).</summary>
internal sealed record GetItemExpr(Expr Target, Expr Key, int Line) : Expr(Line);

internal sealed record SliceExpr(Expr? Start, Expr? Stop, Expr? Step, int Line) : Expr(Line);

/// <summary>Call arguments: positional, keyword, <c>*args</c> and <c>**kwargs</c>.</summary>
internal sealed record CallArgs(IReadOnlyList<Expr> Positional, IReadOnlyList<(string Name, Expr Value)> Keywords, Expr? DynamicPositional, Expr? DynamicKeywords)
{
    public static CallArgs Empty { get; } = new([], [], null, null);
}

internal sealed record CallExpr(Expr Target, CallArgs Args, int Line) : Expr(Line);

/// <summary><c>value | name(args)</c>; <see cref="Target"/> is null in a filter block or a block set.</summary>
internal sealed record FilterExpr(Expr? Target, string Name, CallArgs Args, int Line) : Expr(Line);

internal sealed record TestExpr(Expr Target, string Name, CallArgs Args, int Line) : Expr(Line);

internal sealed record UnaryExpr(string Op, Expr Operand, int Line) : Expr(Line);

internal sealed record BinaryExpr(string Op, Expr Left, Expr Right, int Line) : Expr(Line);

internal sealed record AndExpr(Expr Left, Expr Right, int Line) : Expr(Line);

internal sealed record OrExpr(Expr Left, Expr Right, int Line) : Expr(Line);

internal sealed record NotExpr(Expr Operand, int Line) : Expr(Line);

internal sealed record ConcatExpr(IReadOnlyList<Expr> Items, int Line) : Expr(Line);

/// <summary>A comparison chain <c>a &lt; b == c</c>; operators are <c>eq ne lt le gt ge in notin</c>.</summary>
internal sealed record CompareExpr(Expr First, IReadOnlyList<(string Op, Expr Operand)> Rest, int Line) : Expr(Line);

/// <summary><c>Then if Test else Else</c>; a missing else gives an undefined value.</summary>
internal sealed record CondExpr(Expr Test, Expr Then, Expr? Else, int Line) : Expr(Line);

/// <summary>An assignment target <c>ns.attr</c>.</summary>
internal sealed record NamespaceRefExpr(string Name, string Attribute, int Line) : Expr(Line);
