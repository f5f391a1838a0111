namespace K2Verifier.Templates.Syntax;

/// <summary>Jinja2's recursive-descent parser: statements here, expressions in <c>Parser.Expressions.cs</c>.</summary>
internal sealed partial class Parser
{
    private readonly List<Token> _tokens;
    private readonly string _name;
    private int _index;
    private int _loopDepth;

    /// <summary>Names referenced inside the macro bodies being parsed (Jinja2 lets a macro take extra arguments only if it reads varargs or kwargs).</summary>
    private readonly Stack<HashSet<string>> _macroNames = new();

    private Parser(List<Token> tokens, string name)
    {
        _tokens = tokens;
        _name = name;
    }

    private Token Current => _tokens[_index];

    public static IReadOnlyList<Stmt> Parse(string source, string name)
    {
        var parser = new Parser(Lexer.Tokenize(source, name), name);
        var body = parser.Subparse([]);
        if (parser.Current.Kind != TokenKind.Eof)
        {
            throw parser.Fail($"unexpected '{parser.Current.Describe()}'");
        }

        return body;
    }

    private Token Look() => _tokens[Math.Min(_index + 1, _tokens.Count - 1)];

    private Token Next() => _tokens[_index < _tokens.Count - 1 ? _index++ : _index];

    private bool SkipOperator(string op)
    {
        if (!Current.IsOperator(op))
        {
            return false;
        }

        Next();
        return true;
    }

    private bool SkipName(string name)
    {
        if (!Current.IsName(name))
        {
            return false;
        }

        Next();
        return true;
    }

    private Token Expect(TokenKind kind, string? value = null)
    {
        if (Current.Kind != kind || (value is not null && Current.Value != value))
        {
            var wanted = value ?? kind switch
            {
                TokenKind.BlockEnd => "end of statement block",
                TokenKind.VariableEnd => "end of print statement",
                TokenKind.Name => "name",
                _ => kind.ToString().ToLowerInvariant(),
            };
            throw Current.Kind == TokenKind.Eof
                ? Fail($"unexpected end of template, expected '{wanted}'")
                : Fail($"expected token '{wanted}', got '{Current.Describe()}'");
        }

        return Next();
    }

    private TemplateException Fail(string message, int? line = null) => new(TemplateErrorKind.Syntax, message, _name, line ?? Current.Line);

    /// <summary>Template data, outputs and statements until a block starting with one of <paramref name="endTokens"/>.</summary>
    private List<Stmt> Subparse(string[] endTokens)
    {
        var body = new List<Stmt>();
        while (Current.Kind != TokenKind.Eof)
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Data:
                    body.Add(new DataStmt(token.Value, token.Line));
                    Next();
                    break;
                case TokenKind.VariableBegin:
                    Next();
                    body.Add(new OutputStmt(ParseTuple(), token.Line));
                    Expect(TokenKind.VariableEnd);
                    break;
                case TokenKind.BlockBegin:
                    Next();
                    if (endTokens.Length > 0 && Current.Kind == TokenKind.Name && endTokens.Contains(Current.Value))
                    {
                        return body;
                    }

                    body.Add(ParseStatement());
                    Expect(TokenKind.BlockEnd);
                    break;
                default:
                    throw Fail($"unexpected '{token.Describe()}'");
            }
        }

        return body;
    }

    /// <summary>Expects the end of the statement's header, then parses its body up to one of <paramref name="endTokens"/>.</summary>
    private List<Stmt> ParseStatements(string[] endTokens, bool dropNeedle = false)
    {
        SkipOperator(":");
        Expect(TokenKind.BlockEnd);
        var body = Subparse(endTokens);
        if (Current.Kind == TokenKind.Eof)
        {
            throw Fail($"Unexpected end of template. Jinja was looking for the following tags: {string.Join(" or ", endTokens.Select(t => $"'{t}'"))}.");
        }

        if (dropNeedle)
        {
            Next();
        }

        return body;
    }

    private Stmt ParseStatement()
    {
        var token = Current;
        if (token.Kind != TokenKind.Name)
        {
            throw Fail("tag name expected");
        }

        switch (token.Value)
        {
            case "if": return ParseIf();
            case "for": return ParseFor();
            case "set": return ParseSet();
            case "macro": return ParseMacro();
            case "call": return ParseCallBlock();
            case "filter": return ParseFilterBlock();
            case "with": return ParseWith();
            case "break" or "continue":
                Next();
                if (_loopDepth == 0)
                {
                    throw Fail($"'{token.Value}' outside loop", token.Line);
                }

                return token.Value == "break" ? new BreakStmt(token.Line) : new ContinueStmt(token.Line);
            default:
                throw Fail(token.Value is "extends" or "include" or "import" or "from" or "block" or "do" or "autoescape" or "print"
                    ? $"the '{token.Value}' tag is not supported in chat templates"
                    : $"Encountered unknown tag '{token.Value}'.");
        }
    }

    private IfStmt ParseIf()
    {
        var line = Next().Line;
        var test = ParseTuple(withCondExpr: false);
        var body = ParseStatements(["elif", "else", "endif"]);
        var keyword = Next();
        IReadOnlyList<Stmt> elseBody = [];
        if (keyword.Value == "elif")
        {
            _index--;
            elseBody = [ParseIf()];
            return new IfStmt(test, body, elseBody, line);
        }

        if (keyword.Value == "else")
        {
            elseBody = ParseStatements(["endif"], dropNeedle: true);
        }

        return new IfStmt(test, body, elseBody, line);
    }

    private ForStmt ParseFor()
    {
        var line = Next().Line;
        var target = ParseAssignTarget(extraEnd: "in");
        Expect(TokenKind.Name, "in");
        var iterable = ParseTuple(withCondExpr: false, extraEnd: "recursive");
        var filter = SkipName("if") ? ParseExpression() : null;
        if (Current.IsName("recursive"))
        {
            throw Fail("recursive loops are not supported in chat templates");
        }

        _loopDepth++;
        var body = ParseStatements(["endfor", "else"]);
        _loopDepth--;
        IReadOnlyList<Stmt> elseBody = Next().Value == "endfor" ? [] : ParseStatements(["endfor"], dropNeedle: true);
        return new ForStmt(target, iterable, filter, body, elseBody, line);
    }

    private Stmt ParseSet()
    {
        var line = Next().Line;
        var target = ParseAssignTarget(withNamespace: true);
        if (SkipOperator("="))
        {
            return new SetStmt(target, ParseTuple(), line);
        }

        var filter = Current.IsOperator("|") ? (FilterExpr)ParseFilter(null)! : null;
        var body = ParseStatements(["endset"], dropNeedle: true);
        return new SetBlockStmt(target, filter, body, line);
    }
}
