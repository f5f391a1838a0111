using System.Text;
using K2Verifier.Templates.Library;
using K2Verifier.Templates.Runtime;
using K2Verifier.Templates.Syntax;

namespace K2Verifier.Templates.Evaluation;

/// <summary>
/// Walks a parsed template and writes its output, with Jinja2's semantics under
/// <c>ImmutableSandboxedEnvironment</c>: values are plain data (no .NET members are reachable), mutating methods are refused.
/// </summary>
internal sealed partial class Evaluator
{
    private const int MaxCallDepth = 200;

    private readonly string _templateName;
    private int _line;
    private int _callDepth;

    public Evaluator(string templateName, TimeProvider timeProvider)
    {
        _templateName = templateName;
        TimeProvider = timeProvider;
    }

    public TimeProvider TimeProvider { get; }

    private enum Flow
    {
        Normal,
        Break,
        Continue,
    }

    /// <summary>Renders <paramref name="body"/> with <paramref name="variables"/> over the globals.</summary>
    public string Render(IReadOnlyList<Stmt> body, IReadOnlyDictionary<string, object?> variables)
    {
        var globals = new Scope(null);
        Globals.AddTo(globals, this);
        var scope = new Scope(globals);
        foreach (var pair in variables)
        {
            scope.Set(pair.Key, pair.Value);
        }

        var output = new StringBuilder();
        try
        {
            Execute(body, scope, output);
        }
        catch (JinjaError ex)
        {
            throw new TemplateException(ex.Kind, ex.Message, _templateName, _line);
        }
        catch (OverflowException ex)
        {
            throw new TemplateException(TemplateErrorKind.Runtime, ex.Message, _templateName, _line);
        }

        return output.ToString();
    }

    private Flow Execute(IReadOnlyList<Stmt> body, Scope scope, StringBuilder output)
    {
        foreach (var statement in body)
        {
            _line = statement.Line;
            var flow = statement switch
            {
                DataStmt data => Append(output, data.Text),
                OutputStmt print => Append(output, PyRepr.Str(Eval(print.Value, scope))),
                IfStmt branch => Execute(PyOps.IsTruthy(Eval(branch.Test, scope)) ? branch.Body : branch.Else, scope, output),
                ForStmt loop => ExecuteFor(loop, scope, output),
                SetStmt set => Assign(set.Target, Eval(set.Value, scope), scope),
                SetBlockStmt set => Assign(set.Target, Capture(set.Body, set.Filter, scope), scope),
                MacroStmt macro => Define(macro, scope),
                CallBlockStmt call => Append(output, PyRepr.Str(CallWithCaller(call, scope))),
                FilterBlockStmt filter => Append(output, PyRepr.Str(Capture(filter.Body, filter.Filter, scope))),
                WithStmt with => ExecuteWith(with, scope, output),
                BreakStmt => Flow.Break,
                ContinueStmt => Flow.Continue,
                _ => throw new InvalidOperationException($"unknown statement {statement.GetType().Name}"),
            };
            if (flow != Flow.Normal)
            {
                return flow;
            }
        }

        return Flow.Normal;
    }

    private static Flow Append(StringBuilder output, string text)
    {
        output.Append(text);
        return Flow.Normal;
    }

    private Flow ExecuteFor(ForStmt loop, Scope scope, StringBuilder output)
    {
        var source = Eval(loop.Iterable, scope);
        var items = new List<object?>();
        foreach (var item in PyOps.Iterate(source))
        {
            if (loop.Filter is not null)
            {
                var filterScope = new Scope(scope);
                Assign(loop.Target, item, filterScope);
                if (!PyOps.IsTruthy(Eval(loop.Filter, filterScope)))
                {
                    continue;
                }
            }

            items.Add(item);
        }

        var context = new LoopContext(items);
        for (var i = 0; i < items.Count; i++)
        {
            var iteration = new Scope(scope);
            context.Index0 = i;
            Assign(loop.Target, items[i], iteration);
            iteration.Set("loop", context);
            if (Execute(loop.Body, iteration, output) == Flow.Break)
            {
                break;
            }
        }

        if (items.Count == 0)
        {
            Execute(loop.Else, new Scope(scope), output);
        }

        return Flow.Normal;
    }

    private Flow ExecuteWith(WithStmt with, Scope scope, StringBuilder output)
    {
        var inner = new Scope(scope);
        foreach (var (target, value) in with.Assignments)
        {
            Assign(target, Eval(value, scope), inner);
        }

        Execute(with.Body, inner, output);
        return Flow.Normal;
    }

    private static Flow Assign(Expr target, object? value, Scope scope)
    {
        switch (target)
        {
            case NameExpr name:
                scope.Set(name.Name, value);
                break;
            case NamespaceRefExpr reference:
                if (scope.Lookup(reference.Name) is not JinjaNamespace ns)
                {
                    throw JinjaError.Type("cannot assign attribute on non-namespace object");
                }

                ns.Attributes[reference.Attribute] = value;
                break;
            case TupleExpr tuple:
                var values = PyOps.Iterate(value).ToList();
                if (values.Count != tuple.Items.Count)
                {
                    throw JinjaError.Type(values.Count < tuple.Items.Count
                        ? $"not enough values to unpack (expected {tuple.Items.Count}, got {values.Count})"
                        : $"too many values to unpack (expected {tuple.Items.Count})");
                }

                for (var i = 0; i < values.Count; i++)
                {
                    Assign(tuple.Items[i], values[i], scope);
                }

                break;
            default:
                throw JinjaError.Type("cannot assign to this expression");
        }

        return Flow.Normal;
    }

    /// <summary>Renders a block body to a string (block set, filter block), then applies the block's filter.</summary>
    private object? Capture(IReadOnlyList<Stmt> body, FilterExpr? filter, Scope scope)
    {
        var buffer = new StringBuilder();
        Execute(body, scope, buffer);
        object? text = buffer.ToString();
        return filter is null ? text : ApplyFilterChain(filter, text, scope);
    }

    /// <summary>Applies a (possibly chained) filter expression whose innermost target is the block's text.</summary>
    private object? ApplyFilterChain(FilterExpr filter, object? input, Scope scope)
    {
        var value = filter.Target is FilterExpr inner ? ApplyFilterChain(inner, input, scope) : input;
        return Filters.Apply(this, filter.Name, value, BindArguments(filter.Args, scope));
    }

    private static Flow Define(MacroStmt macro, Scope scope)
    {
        scope.Set(macro.Name, new Macro(macro.Name, macro.Parameters, macro.Defaults, macro.Body, scope, macro.CatchesVarargs, macro.CatchesKwargs));
        return Flow.Normal;
    }
}
