namespace K2Verifier.Templates.Syntax;

/// <summary>List and dict literals (a trailing comma is allowed, as in Jinja2).</summary>
internal sealed partial class Parser
{
    private ListExpr ParseList()
    {
        var line = Expect(TokenKind.Operator, "[").Line;
        var items = new List<Expr>();
        while (!Current.IsOperator("]"))
        {
            if (items.Count > 0)
            {
                Expect(TokenKind.Operator, ",");
            }

            if (Current.IsOperator("]"))
            {
                break;
            }

            items.Add(ParseExpression());
        }

        Expect(TokenKind.Operator, "]");
        return new ListExpr(items, line);
    }

    private DictExpr ParseDict()
    {
        var line = Expect(TokenKind.Operator, "{").Line;
        var pairs = new List<(Expr, Expr)>();
        while (!Current.IsOperator("}"))
        {
            if (pairs.Count > 0)
            {
                Expect(TokenKind.Operator, ",");
            }

            if (Current.IsOperator("}"))
            {
                break;
            }

            var key = ParseExpression();
            Expect(TokenKind.Operator, ":");
            pairs.Add((key, ParseExpression()));
        }

        Expect(TokenKind.Operator, "}");
        return new DictExpr(pairs, line);
    }
}
