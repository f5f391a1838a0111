using System.Text;
using K2Verifier.Templates.Library;
using K2Verifier.Templates.Runtime;
using K2Verifier.Templates.Syntax;

namespace K2Verifier.Templates.Evaluation;

/// <summary>Expression evaluation.</summary>
internal sealed partial class Evaluator
{
    public object? Eval(Expr expr, Scope scope)
    {
        _line = expr.Line;
        switch (expr)
        {
            case ConstExpr constant:
                return constant.Value;
            case NameExpr name:
                return scope.Lookup(name.Name);
            case ListExpr list:
                return list.Items.Select(i => Eval(i, scope)).ToList();
            case TupleExpr tuple:
                return new PyTuple([.. tuple.Items.Select(i => Eval(i, scope))]);
            case DictExpr dict:
                var result = new PyDict();
                foreach (var (key, value) in dict.Pairs)
                {
                    var k = Eval(key, scope);
                    if (k is List<object?> or PyDict)
                    {
                        throw JinjaError.Type($"unhashable type: '{PyRepr.TypeName(k)}'");
                    }

                    result.Set(k, Eval(value, scope));
                }

                return result;
            case GetAttrExpr attribute:
                return GetAttribute(Eval(attribute.Target, scope), attribute.Name);
            case GetItemExpr item:
                return item.Key is SliceExpr slice
                    ? Slice(Eval(item.Target, scope), EvalOptional(slice.Start, scope), EvalOptional(slice.Stop, scope), EvalOptional(slice.Step, scope))
                    : GetItem(Eval(item.Target, scope), Eval(item.Key, scope));
            case CallExpr call:
                return Call(Eval(call.Target, scope), BindArguments(call.Args, scope));
            case FilterExpr filter:
                return Filters.Apply(this, filter.Name, filter.Target is null ? null : Eval(filter.Target, scope), BindArguments(filter.Args, scope));
            case TestExpr test:
                return Tests.Apply(this, test.Name, Eval(test.Target, scope), BindArguments(test.Args, scope));
            case UnaryExpr unary:
                return PyOps.Negate(Eval(unary.Operand, scope), unary.Op == "-");
            case BinaryExpr binary:
                return PyOps.Binary(binary.Op, Eval(binary.Left, scope), Eval(binary.Right, scope));
            case AndExpr and:
                var left = Eval(and.Left, scope);
                return PyOps.IsTruthy(left) ? Eval(and.Right, scope) : left;
            case OrExpr or:
                var first = Eval(or.Left, scope);
                return PyOps.IsTruthy(first) ? first : Eval(or.Right, scope);
            case NotExpr not:
                return !PyOps.IsTruthy(Eval(not.Operand, scope));
            case ConcatExpr concat:
                var builder = new StringBuilder();
                foreach (var part in concat.Items)
                {
                    builder.Append(PyRepr.Str(Eval(part, scope)));
                }

                return builder.ToString();
            case CompareExpr compare:
                return EvalCompare(compare, scope);
            case CondExpr condition:
                return PyOps.IsTruthy(Eval(condition.Test, scope))
                    ? Eval(condition.Then, scope)
                    : condition.Else is null ? Undefined.Anonymous : Eval(condition.Else, scope);
            default:
                throw new InvalidOperationException($"unknown expression {expr.GetType().Name}");
        }
    }

    private object? EvalOptional(Expr? expr, Scope scope) => expr is null ? null : Eval(expr, scope);

    private bool EvalCompare(CompareExpr compare, Scope scope)
    {
        var left = Eval(compare.First, scope);
        foreach (var (op, operand) in compare.Rest)
        {
            var right = Eval(operand, scope);
            if (!Compare(op, left, right))
            {
                return false;
            }

            left = right;
        }

        return true;
    }

    public static bool Compare(string op, object? left, object? right) => op switch
    {
        "eq" => PyOps.Equal(left, right),
        "ne" => !PyOps.Equal(left, right),
        "lt" => PyOps.Compare(left, right, "<") < 0,
        "le" => PyOps.Compare(left, right, "<=") <= 0,
        "gt" => PyOps.Compare(left, right, ">") > 0,
        "ge" => PyOps.Compare(left, right, ">=") >= 0,
        "in" => PyOps.Contains(right, left),
        "notin" => !PyOps.Contains(right, left),
        _ => throw new InvalidOperationException($"unknown comparison {op}"),
    };

    private CallArguments BindArguments(CallArgs args, Scope scope)
    {
        if (args.Positional.Count == 0 && args.Keywords.Count == 0 && args.DynamicPositional is null && args.DynamicKeywords is null)
        {
            return CallArguments.None;
        }

        var positional = args.Positional.Select(a => Eval(a, scope)).ToList();
        var keywords = args.Keywords.Select(k => new KeyValuePair<string, object?>(k.Name, Eval(k.Value, scope))).ToList();
        if (args.DynamicPositional is not null)
        {
            positional.AddRange(PyOps.Iterate(Eval(args.DynamicPositional, scope)));
        }

        if (args.DynamicKeywords is not null)
        {
            if (Eval(args.DynamicKeywords, scope) is not PyDict extra)
            {
                throw JinjaError.Type("argument after ** must be a mapping");
            }

            keywords.AddRange(extra.Items.Select(p => new KeyValuePair<string, object?>(
                p.Key as string ?? throw JinjaError.Type("keywords must be strings"), p.Value)));
        }

        return new CallArguments(positional, keywords);
    }
}
