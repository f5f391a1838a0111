namespace K2Verifier.Templates.Syntax;

/// <summary>Macros, call and filter blocks, <c>with</c>, signatures and assignment targets.</summary>
internal sealed partial class Parser
{
    private MacroStmt ParseMacro()
    {
        var line = Next().Line;
        var name = Expect(TokenKind.Name).Value;
        var (parameters, defaults) = ParseSignature();
        var depth = _loopDepth;
        _loopDepth = 0;
        _macroNames.Push([]);
        var body = ParseStatements(["endmacro"], dropNeedle: true);
        var names = _macroNames.Pop();
        foreach (var outer in _macroNames)
        {
            outer.UnionWith(names);
        }

        _loopDepth = depth;
        return new MacroStmt(name, parameters, defaults, body, line, names.Contains("varargs"), names.Contains("kwargs"));
    }

    private CallBlockStmt ParseCallBlock()
    {
        var line = Next().Line;
        var (parameters, defaults) = Current.IsOperator("(") ? ParseSignature() : ([], []);
        if (ParseExpression() is not CallExpr call)
        {
            throw Fail("expected call", line);
        }

        _macroNames.Push([]);
        var body = ParseStatements(["endcall"], dropNeedle: true);
        var names = _macroNames.Pop();
        foreach (var outer in _macroNames)
        {
            outer.UnionWith(names);
        }

        return new CallBlockStmt(call, parameters, defaults, body, line);
    }

    private FilterBlockStmt ParseFilterBlock()
    {
        var line = Next().Line;
        var filter = (FilterExpr)ParseFilter(null, startInline: true)!;
        var body = ParseStatements(["endfilter"], dropNeedle: true);
        return new FilterBlockStmt(filter, body, line);
    }

    private WithStmt ParseWith()
    {
        var line = Next().Line;
        var assignments = new List<(Expr, Expr)>();
        while (Current.Kind != TokenKind.BlockEnd)
        {
            if (assignments.Count > 0)
            {
                Expect(TokenKind.Operator, ",");
            }

            var target = ParseAssignTarget();
            Expect(TokenKind.Operator, "=");
            assignments.Add((target, ParseExpression()));
        }

        var body = ParseStatements(["endwith"], dropNeedle: true);
        return new WithStmt(assignments, body, line);
    }

    private (List<string> Parameters, List<Expr?> Defaults) ParseSignature()
    {
        var parameters = new List<string>();
        var defaults = new List<Expr?>();
        Expect(TokenKind.Operator, "(");
        while (!Current.IsOperator(")"))
        {
            if (parameters.Count > 0)
            {
                Expect(TokenKind.Operator, ",");
            }

            parameters.Add(Expect(TokenKind.Name).Value);
            if (SkipOperator("="))
            {
                defaults.Add(ParseExpression());
            }
            else if (defaults.Count > 0 && defaults[^1] is not null)
            {
                throw Fail("non-default argument follows default argument");
            }
            else
            {
                defaults.Add(null);
            }
        }

        Expect(TokenKind.Operator, ")");
        return (parameters, defaults);
    }

    private Expr ParseAssignTarget(string? extraEnd = null, bool withNamespace = false)
    {
        if (withNamespace && Look().IsOperator("."))
        {
            var name = Expect(TokenKind.Name);
            Next();
            return new NamespaceRefExpr(name.Value, Expect(TokenKind.Name).Value, name.Line);
        }

        var target = ParseTuple(simplified: true, extraEnd: extraEnd);
        if (target is NameExpr || (target is TupleExpr tuple && tuple.Items.All(i => i is NameExpr)))
        {
            return target;
        }

        throw Fail($"can't assign to '{target.GetType().Name.Replace("Expr", string.Empty, StringComparison.Ordinal)}'", target.Line);
    }
}
