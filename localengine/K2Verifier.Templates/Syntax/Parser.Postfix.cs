namespace K2Verifier.Templates.Syntax;

/// <summary>Postfix expressions: attributes, subscripts and slices, calls, filters and tests.</summary>
internal sealed partial class Parser
{
    private Expr ParsePostfix(Expr node)
    {
        while (true)
        {
            if (Current.IsOperator(".") || Current.IsOperator("["))
            {
                node = ParseSubscript(node);
            }
            else if (Current.IsOperator("("))
            {
                node = new CallExpr(node, ParseCallArgs(), node.Line);
            }
            else
            {
                return node;
            }
        }
    }

    private Expr ParseFilterExpr(Expr node)
    {
        while (true)
        {
            if (Current.IsOperator("|"))
            {
                node = ParseFilter(node)!;
            }
            else if (Current.IsName("is"))
            {
                node = ParseTest(node);
            }
            else if (Current.IsOperator("("))
            {
                node = new CallExpr(node, ParseCallArgs(), node.Line);
            }
            else
            {
                return node;
            }
        }
    }

    private Expr ParseSubscript(Expr node)
    {
        var token = Next();
        if (token.Value == ".")
        {
            var attribute = Next();
            return attribute.Kind switch
            {
                TokenKind.Name => new GetAttrExpr(node, attribute.Value, token.Line),
                TokenKind.Integer => new GetItemExpr(node, new ConstExpr(attribute.Literal, attribute.Line), token.Line),
                _ => throw Fail("expected name or number", attribute.Line),
            };
        }

        var args = new List<Expr>();
        while (!Current.IsOperator("]"))
        {
            if (args.Count > 0)
            {
                Expect(TokenKind.Operator, ",");
            }

            args.Add(ParseSubscribed());
        }

        Expect(TokenKind.Operator, "]");
        return new GetItemExpr(node, args.Count == 1 ? args[0] : new TupleExpr(args, token.Line), token.Line);
    }

    private Expr ParseSubscribed()
    {
        var line = Current.Line;
        Expr? start = null;
        if (!SkipOperator(":"))
        {
            start = ParseExpression();
            if (!SkipOperator(":"))
            {
                return start;
            }
        }

        Expr? stop = null;
        Expr? step = null;
        if (!Current.IsOperator(":") && !Current.IsOperator("]") && !Current.IsOperator(","))
        {
            stop = ParseExpression();
        }

        if (SkipOperator(":") && !Current.IsOperator("]") && !Current.IsOperator(","))
        {
            step = ParseExpression();
        }

        return new SliceExpr(start, stop, step, line);
    }

    private CallArgs ParseCallArgs()
    {
        var open = Expect(TokenKind.Operator, "(");
        var positional = new List<Expr>();
        var keywords = new List<(string, Expr)>();
        Expr? dynamicPositional = null;
        Expr? dynamicKeywords = null;
        var requireComma = false;
        while (!Current.IsOperator(")"))
        {
            if (requireComma)
            {
                Expect(TokenKind.Operator, ",");
                if (Current.IsOperator(")"))
                {
                    break;
                }
            }

            if (SkipOperator("*"))
            {
                Ensure(dynamicPositional is null && dynamicKeywords is null, open);
                dynamicPositional = ParseExpression();
            }
            else if (SkipOperator("**"))
            {
                Ensure(dynamicKeywords is null, open);
                dynamicKeywords = ParseExpression();
            }
            else if (Current.Kind == TokenKind.Name && Look().IsOperator("="))
            {
                Ensure(dynamicKeywords is null, open);
                var key = Next().Value;
                Next();
                keywords.Add((key, ParseExpression()));
            }
            else
            {
                Ensure(dynamicPositional is null && dynamicKeywords is null && keywords.Count == 0, open);
                positional.Add(ParseExpression());
            }

            requireComma = true;
        }

        Expect(TokenKind.Operator, ")");
        return new CallArgs(positional, keywords, dynamicPositional, dynamicKeywords);
    }

    private void Ensure(bool condition, Token open)
    {
        if (!condition)
        {
            throw Fail("invalid syntax for function call expression", open.Line);
        }
    }

    private Expr? ParseFilter(Expr? node, bool startInline = false)
    {
        while (Current.IsOperator("|") || startInline)
        {
            if (!startInline)
            {
                Next();
            }

            var token = Expect(TokenKind.Name);
            var name = token.Value;
            while (SkipOperator("."))
            {
                name += "." + Expect(TokenKind.Name).Value;
            }

            var args = Current.IsOperator("(") ? ParseCallArgs() : CallArgs.Empty;
            node = new FilterExpr(node, name, args, token.Line);
            startInline = false;
        }

        return node;
    }

    private Expr ParseTest(Expr node)
    {
        var token = Next();
        var negated = SkipName("not");
        var name = Expect(TokenKind.Name).Value;
        while (SkipOperator("."))
        {
            name += "." + Expect(TokenKind.Name).Value;
        }

        CallArgs args;
        if (Current.IsOperator("("))
        {
            args = ParseCallArgs();
        }
        else if ((Current.Kind is TokenKind.Name or TokenKind.String or TokenKind.Integer or TokenKind.Float
                  || Current.IsOperator("(") || Current.IsOperator("[") || Current.IsOperator("{"))
                 && !Current.IsName("else") && !Current.IsName("or") && !Current.IsName("and"))
        {
            if (Current.IsName("is"))
            {
                throw Fail("You cannot chain multiple tests with is");
            }

            args = new CallArgs([ParsePostfix(ParsePrimary())], [], null, null);
        }
        else
        {
            args = CallArgs.Empty;
        }

        Expr test = new TestExpr(node, name, args, token.Line);
        return negated ? new NotExpr(test, token.Line) : test;
    }
}
